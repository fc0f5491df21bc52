package org.smartcare.ingest;

import java.util.Optional;

/** The last topic level: what kind of message a device sent. */
public enum Channel {
    TELEMETRY, EVENT, STATUS;

    static Optional<Channel> fromTopicLevel(String level) {
        return switch (level) {
            case "telemetry" -> Optional.of(TELEMETRY);
            case "event" -> Optional.of(EVENT);
            case "status" -> Optional.of(STATUS);
            default -> Optional.empty();
        };
    }
}
