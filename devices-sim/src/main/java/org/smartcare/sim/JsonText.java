package org.smartcare.sim;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * A minimal, allocation-light JSON object writer for the flat device payloads: the load generator
 * builds tens of thousands of them per second. Fields are written in call order.
 */
final class JsonText {

    private final StringBuilder text = new StringBuilder(96);
    private boolean first = true;

    private JsonText() {
        text.append('{');
    }

    /** A payload starting with the common header {@code v}, {@code seq}, {@code ts}. */
    static JsonText payload(long seq, OffsetDateTime ts) {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, got " + seq);
        }
        return new JsonText().field("v", EventPayloads.SCHEMA_VERSION).field("seq", seq)
                .field("ts", EventPayloads.rfc3339(ts));
    }

    static JsonText object() {
        return new JsonText();
    }

    private StringBuilder name(String name) {
        if (!first) {
            text.append(',');
        }
        first = false;
        return text.append('"').append(name).append("\":");
    }

    JsonText field(String name, long value) {
        name(name).append(value);
        return this;
    }

    JsonText field(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        name(name);
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            text.append((long) value);
        } else {
            text.append(value);
        }
        return this;
    }

    JsonText field(String name, boolean value) {
        name(name).append(value);
        return this;
    }

    /** A string, or {@code null} written as JSON null. */
    JsonText field(String name, String value) {
        StringBuilder b = name(name);
        if (value == null) {
            b.append("null");
        } else {
            b.append('"');
            JsonStringEncoder.getInstance().quoteAsString(value, b);
            b.append('"');
        }
        return this;
    }

    /** An integer or JSON null. */
    JsonText nullable(String name, Integer value) {
        StringBuilder b = name(name);
        b.append(value == null ? "null" : value.toString());
        return this;
    }

    /** An already-serialised JSON value (object or array). */
    JsonText raw(String name, CharSequence json) {
        name(name).append(json);
        return this;
    }

    String text() {
        return text + "}";
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    static String location(Location location) {
        JsonText loc = object().field("lat", location.lat()).field("lon", location.lon());
        if (location.accuracyM() != null) {
            loc.field("accuracyM", location.accuracyM().doubleValue());
        }
        return loc.text();
    }
}
