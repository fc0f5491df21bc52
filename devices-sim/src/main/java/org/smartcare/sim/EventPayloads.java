package org.smartcare.sim;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Builds the JSON payloads of {@code schema/mqtt/event.v1.schema.json}. Pure: no clock, no I/O. */
public final class EventPayloads {

    public static final int SCHEMA_VERSION = 1;

    private static final DateTimeFormatter RFC_3339_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private EventPayloads() {
    }

    /** The event topic of one device: the device id is in the topic, never in the payload. */
    public static String eventTopic(String deviceId) {
        return Topics.of(deviceId, Topics.EVENT);
    }

    /**
     * One event payload.
     *
     * @param location optional, {@code null} for buttons without GPS
     */
    public static byte[] event(EventType type, long seq, OffsetDateTime ts, Location location) {
        return event(type, seq, ts, EventDetails.at(location));
    }

    /** One event payload with the type's details (apnea needs durationS, tamper tamperKind, zone motion zone). */
    public static byte[] event(EventType type, long seq, OffsetDateTime ts, EventDetails details) {
        JsonText json = JsonText.payload(seq, ts).field("type", type.wireName());
        if (details.location() != null) {
            json.raw("location", JsonText.location(details.location()));
        }
        if (details.durationS() != null) {
            json.field("durationS", details.durationS().doubleValue());
        }
        if (details.code() != null) {
            json.field("code", details.code());
        }
        if (details.zone() != null) {
            json.field("zone", details.zone());
        }
        if (details.tamperKind() != null) {
            json.field("tamperKind", details.tamperKind());
        }
        return json.bytes();
    }

    /** RFC 3339 with an explicit offset and millisecond precision, as devices report it. */
    static String rfc3339(OffsetDateTime ts) {
        return ts.format(RFC_3339_MILLIS);
    }
}
