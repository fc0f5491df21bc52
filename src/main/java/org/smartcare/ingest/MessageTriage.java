package org.smartcare.ingest;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.smartcare.device.Device;
import org.smartcare.device.DeviceType;

/** The checks a message passes before anything is written: topic, size, registry, schema. */
@Singleton
public class MessageTriage {

    private final MessageDecoder decoder;
    private final IngestSettings settings;

    MessageTriage(MessageDecoder decoder, IngestSettings settings) {
        this.decoder = decoder;
        this.settings = settings;
    }

    /** The device ids named by well-formed topics, to look up in one query. */
    Set<String> deviceIds(List<InboundMessage> messages) {
        return messages.stream().map(message -> {
            try {
                return DeviceTopic.parse(message.topic()).deviceId();
            } catch (Rejection e) {
                return null;
            }
        }).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    Triage examine(InboundMessage message, Map<String, Device> known) {
        Channel channel = null;
        try {
            DeviceTopic topic = DeviceTopic.parse(message.topic());
            channel = topic.channel();
            if (message.payload().length > settings.maxBedTelemetryBytes()) {
                throw oversized(message, settings.maxBedTelemetryBytes(), topic.deviceId());
            }
            Device device = known.get(topic.deviceId());
            if (device == null) {
                throw new Rejection(DeadLetterReason.UNKNOWN_DEVICE, "device " + topic.deviceId() + " is not registered",
                        topic.deviceId());
            }
            if (device.isRevoked()) {
                throw new Rejection(DeadLetterReason.REVOKED_DEVICE, "device was revoked at " + device.revokedAt(),
                        device.id());
            }
            int limit = channel == Channel.TELEMETRY && device.type() == DeviceType.BED_SENSOR
                    ? settings.maxBedTelemetryBytes() : settings.maxEventBytes();
            if (message.payload().length > limit) {
                throw oversized(message, limit, device.id());
            }
            return new Triage.Accepted(message, device, channel,
                    decoder.decode(channel, device.type(), message.payload(), device.id()));
        } catch (Rejection rejection) {
            return new Triage.Refused(message, channel, rejection);
        }
    }

    private static Rejection oversized(InboundMessage message, int limit, String deviceId) {
        return new Rejection(DeadLetterReason.OVERSIZED, "payload of " + message.payload().length
                + " bytes exceeds the limit of " + limit, deviceId);
    }
}
