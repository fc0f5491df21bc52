package org.smartcare.device;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/** Registers devices: the registry row and the broker account together. */
@Singleton
public class DeviceRegistration {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Devices devices;
    private final BrokerCredentials credentials;
    private final DeviceDirectory directory;

    DeviceRegistration(Devices devices, BrokerCredentials credentials, DeviceDirectory directory) {
        this.devices = devices;
        this.credentials = credentials;
        this.directory = directory;
    }

    /**
     * Registers the device (or updates its assignment when it exists) and issues a fresh secret,
     * which is returned once and never stored by the service.
     */
    public IssuedDevice register(NewDevice request) {
        String secret = newSecret();
        String ref = credentials.grant(request.id(), secret);
        Device existing = devices.findById(request.id()).orElse(null);
        Device device = new Device(request.id(), request.tenantId(), request.type(), request.serial(), ref,
                request.elderId(), request.institutionId(), request.bedLabel(),
                existing == null ? Instant.now() : existing.registeredAt(), null);
        Device saved = existing == null ? devices.save(device) : devices.update(device);
        directory.forget(saved.id());
        return new IssuedDevice(saved, secret);
    }

    static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** What a caller asks to register. */
    public record NewDevice(String id, String tenantId, DeviceType type, String serial,
                            Long elderId, Long institutionId, String bedLabel) {
    }

    /** A registered device with its secret, shown once. */
    public record IssuedDevice(Device device, String secret) {
    }
}
