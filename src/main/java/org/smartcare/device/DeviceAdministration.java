package org.smartcare.device;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.device.DeviceRegistration.NewDevice;

/**
 * Registers and revokes devices for administrators: the registry row and the broker account change
 * together. Registration is idempotent on the device id: registering the same device again returns it
 * without a secret (the secret is shown once, when the account is created). One device id is handled
 * by one caller at a time (a transaction-scoped advisory lock), so two concurrent registrations cannot
 * leave the broker with a secret nobody was given.
 */
@Singleton
public class DeviceAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceAdministration.class);

    private final Devices devices;
    private final BrokerCredentials credentials;
    private final ConnectionOperations<Connection> connections;
    private final DeviceDirectory directory;

    DeviceAdministration(Devices devices, BrokerCredentials credentials, ConnectionOperations<Connection> connections,
                         DeviceDirectory directory) {
        this.devices = devices;
        this.credentials = credentials;
        this.connections = connections;
        this.directory = directory;
    }

    /** What a step produced: the device and, on first registration only, its secret; or a refusal. */
    public record Result(@Nullable Device device, @Nullable String secret, boolean created,
                         @Nullable DeviceFailure failure) {

        static Result refused(DeviceFailure.Code code, String message) {
            return new Result(null, null, false, new DeviceFailure(code, message));
        }
    }

    @Transactional
    public Result register(NewDevice request) {
        if (!DeviceId.isValid(request.id())) {
            return Result.refused(DeviceFailure.Code.INVALID_INPUT, DeviceId.RULE + ", got " + request.id());
        }
        lock(request.id());
        Device existing = devices.findById(request.id()).orElse(null);
        if (existing != null) {
            return again(existing, request);
        }
        String secret = DeviceRegistration.newSecret();
        String ref;
        try {
            ref = credentials.grant(request.id(), secret);
        } catch (RuntimeException e) {
            return brokerFailed("registering", request.id(), e);
        }
        // Saved after the broker said yes: if this insert fails, a retry re-creates the account with a new secret.
        Device device = devices.save(new Device(request.id(), request.tenantId(), request.type(), request.serial(), ref,
                request.elderId(), request.institutionId(), request.bedLabel(), now(), null));
        return new Result(device, secret, true, null);
    }

    /** Revokes a device of the tenant (any tenant for null); revoking a revoked device changes nothing more. */
    @Transactional
    public Result revoke(String id, @Nullable String tenantId) {
        lock(id);
        Device device = devices.findById(id).filter(d -> tenantId == null || d.tenantId().equals(tenantId))
                .orElse(null);
        if (device == null) {
            return Result.refused(DeviceFailure.Code.NOT_FOUND, "device " + id + " does not exist or is not yours");
        }
        try {
            credentials.revoke(id); // idempotent: a missing account is fine, so a retry after a failure completes
        } catch (RuntimeException e) {
            return brokerFailed("revoking", id, e);
        }
        if (device.isRevoked()) {
            return new Result(device, null, false, null);
        }
        Device revoked = devices.update(new Device(device.id(), device.tenantId(), device.type(), device.serial(),
                device.credentialsRef(), device.elderId(), device.institutionId(), device.bedLabel(),
                device.registeredAt(), now()));
        directory.forget(id);
        return new Result(revoked, null, false, null);
    }

    private static Result again(Device existing, NewDevice request) {
        if (existing.isRevoked()) {
            return Result.refused(DeviceFailure.Code.REVOKED, "device " + existing.id() + " was revoked at "
                    + existing.revokedAt() + "; register the replacement under a new id");
        }
        boolean same = existing.tenantId().equals(request.tenantId()) && existing.type() == request.type()
                && existing.serial().equals(request.serial()) && Objects.equals(existing.elderId(), request.elderId())
                && Objects.equals(existing.institutionId(), request.institutionId())
                && Objects.equals(existing.bedLabel(), request.bedLabel());
        if (!same) {
            return Result.refused(DeviceFailure.Code.ALREADY_REGISTERED,
                    "device " + existing.id() + " is already registered with other details");
        }
        return new Result(existing, null, false, null);
    }

    private static Result brokerFailed(String step, String id, RuntimeException e) {
        LOG.warn("{} device {}: broker account store failed", step, id, e);
        return Result.refused(DeviceFailure.Code.BROKER_UNAVAILABLE,
                "the broker did not accept the change for device " + id + "; nothing was changed, try again");
    }

    private void lock(String id) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "device:" + id);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("locking device " + id + ": " + e.getMessage(), e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
