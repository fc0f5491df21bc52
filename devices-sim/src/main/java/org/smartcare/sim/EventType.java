package org.smartcare.sim;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The event kinds of {@code event.v1.schema.json}, with their wire names. */
public enum EventType {
    SOS_PRESS("sos_press"),
    SOS_CANCEL("sos_cancel"),
    FALL_DETECTED("fall_detected");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Accepts the wire name ({@code sos_press}) or the constant name ({@code SOS_PRESS}). */
    public static EventType parse(String text) {
        for (EventType type : values()) {
            if (type.wireName.equals(text) || type.name().equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type '" + text + "', expected one of " + wireNames());
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
