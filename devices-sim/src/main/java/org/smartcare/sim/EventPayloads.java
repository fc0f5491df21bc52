package org.smartcare.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Builds the JSON payloads of {@code schema/mqtt/event.v1.schema.json}. Pure: no clock, no I/O. */
public final class EventPayloads {

    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RFC_3339_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private EventPayloads() {
    }

    /** The event topic of one device: the device id is in the topic, never in the payload. */
    public static String eventTopic(String deviceId) {
        return "smartcare/v1/devices/" + deviceId + "/event";
    }

    /**
     * One event payload.
     *
     * @param location optional, {@code null} for buttons without GPS
     */
    public static byte[] event(EventType type, long seq, OffsetDateTime ts, Location location) {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, got " + seq);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("v", SCHEMA_VERSION);
        root.put("seq", seq);
        root.put("ts", rfc3339(ts));
        root.put("type", type.wireName());
        if (location != null) {
            ObjectNode loc = root.putObject("location");
            loc.put("lat", location.lat());
            loc.put("lon", location.lon());
            if (location.accuracyM() != null) {
                loc.put("accuracyM", location.accuracyM());
            }
        }
        try {
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an ObjectNode", e);
        }
    }

    /** RFC 3339 with an explicit offset and millisecond precision, as devices report it. */
    static String rfc3339(OffsetDateTime ts) {
        return ts.format(RFC_3339_MILLIS);
    }
}
