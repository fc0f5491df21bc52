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
        String[] rest = topic.substring(PREFIX.length()).split("/", -1);
        if (rest.length != 2) {
            throw new Rejection(DeadLetterReason.BAD_TOPIC, "topic must be " + PREFIX + "{deviceId}/{channel}", null);
        }
        if (!DeviceId.isValid(rest[0])) {
            throw new Rejection(DeadLetterReason.BAD_TOPIC, "'" + rest[0] + "' is not a device id", null);
        }
        Channel channel = Channel.fromTopicLevel(rest[1]).orElseThrow(() -> new Rejection(
                DeadLetterReason.BAD_TOPIC, "unknown channel '" + rest[1] + "' (telemetry, event, status)", rest[0]));
        return new DeviceTopic(rest[0], channel);
    }

    public String topic() {
        return PREFIX + deviceId + "/" + channel.name().toLowerCase();
    }
}
