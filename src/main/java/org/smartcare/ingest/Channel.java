package org.smartcare.ingest;

import java.util.Optional;

/** The last topic level: what kind of message a device sent. */
public enum Channel {
    TELEMETRY, EVENT, STATUS;

    static Optional<Channel> fromTopicLevel(String level) {
        for (Channel channel : values()) {
            if (channel.name().toLowerCase().equals(level)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
