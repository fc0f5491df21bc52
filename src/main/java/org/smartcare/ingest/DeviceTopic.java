package org.smartcare.ingest;

import org.smartcare.device.DeviceId;

/** A parsed {@code smartcare/v1/devices/{deviceId}/{channel}} topic. */
public record DeviceTopic(String deviceId, Channel channel) {

    static final String PREFIX = "smartcare/v1/devices/";

    /** Parses a topic or explains why it is not one of ours. */
    public static DeviceTopic parse(String topic) throws Rejection {
        if (topic == null || !topic.startsWith(PREFIX)) {
            throw new Rejection(DeadLetterReason.BAD_TOPIC, "topic must start with " + PREFIX, null);
        }
        int slash = topic.indexOf('/', PREFIX.length());
        if (slash < 0 || topic.indexOf('/', slash + 1) >= 0) {
            throw new Rejection(DeadLetterReason.BAD_TOPIC, "topic must be " + PREFIX + "{deviceId}/{channel}", null);
        }
        String deviceId = topic.substring(PREFIX.length(), slash);
        String level = topic.substring(slash + 1);
        if (!DeviceId.isValid(deviceId)) {
            throw new Rejection(DeadLetterReason.BAD_TOPIC, "'" + deviceId + "' is not a device id", null);
        }
        Channel channel = Channel.fromTopicLevel(level).orElseThrow(() -> new Rejection(
                DeadLetterReason.BAD_TOPIC, "unknown channel '" + level + "' (telemetry, event, status)", deviceId));
        return new DeviceTopic(deviceId, channel);
    }

    public String topic() {
        return PREFIX + deviceId + "/" + channel.name().toLowerCase();
    }
}
