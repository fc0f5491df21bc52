package org.smartcare.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the common shape of a bed-telemetry payload in one streaming pass, without building a tree and
 * without the generic JSON Schema validator, which dominate the service's CPU per message. It accepts only
 * what it can prove valid against bed-telemetry.v1 (plain integers in range, each field once, known fields
 * only, a plain RFC 3339 time) and answers {@code null} for anything else, so that the full decoder
 * decides: the result for any payload is the same as the full path's (MessageDecoderEquivalenceTest).
 */
final class BedTelemetryFastPath {

    private static final int MAX_SAMPLES = 120;
    private static final int V = 1;
    private static final int SEQ = 2;
    private static final int TS = 4;
    private static final int SAMPLES = 8;
    private static final int ROOT_REQUIRED = V | SEQ | TS | SAMPLES;
    private static final int DT = 1;
    private static final int HR = 2;
    private static final int RR = 4;
    private static final int IN_BED = 8;
    private static final int MOVE = 16;

    private final JsonFactory factory = new JsonFactory();

    /** The decoded payload, or null when the full decoder must decide. */
    Decoded.BedVitals decode(byte[] payload) {
        try (JsonParser parser = factory.createParser(payload)) {
            return root(parser);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Decoded.BedVitals root(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        int seen = 0;
        long seq = 0;
        Instant ts = null;
        List<Decoded.BedVitals.Sample> samples = null;
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = switch (p.currentName()) {
                case "v" -> V;
                case "seq" -> SEQ;
                case "ts" -> TS;
                case "samples" -> SAMPLES;
                default -> 0;
            };
            if (field == 0 || (seen & field) != 0) {
                return null;
            }
            seen |= field;
            JsonToken value = p.nextToken();
            switch (field) {
                case V -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                            || p.getIntValue() != 1) {
                        return null;
                    }
                }
                case SEQ -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || !fitsLong(p)) {
                        return null;
                    }
                    seq = p.getLongValue();
                    if (seq < 0) {
                        return null;
                    }
                }
                case TS -> {
                    if (value != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    ts = plainTime(p.getText());
                    if (ts == null) {
                        return null;
                    }
                }
                default -> {
                    if (value != JsonToken.START_ARRAY) {
                        return null;
                    }
                    samples = samples(p);
                    if (samples == null) {
                        return null;
                    }
                }
            }
        }
        if (token != JsonToken.END_OBJECT || seen != ROOT_REQUIRED || p.nextToken() != null) {
            return null;
        }
        return new Decoded.BedVitals(seq, ts, samples);
    }

    private static List<Decoded.BedVitals.Sample> samples(JsonParser p) throws IOException {
        List<Decoded.BedVitals.Sample> samples = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
            if (samples.size() == MAX_SAMPLES) {
                return null;
            }
            Decoded.BedVitals.Sample sample = sample(p);
            if (sample == null) {
                return null;
            }
            samples.add(sample);
        }
        return token == JsonToken.END_ARRAY && !samples.isEmpty() ? samples : null;
    }

    private static Decoded.BedVitals.Sample sample(JsonParser p) throws IOException {
        int seen = 0;
        long dtMs = 0;
        Integer hr = null;
        Integer rr = null;
        Integer move = null;
        boolean inBed = false;
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = switch (p.currentName()) {
                case "dtMs" -> DT;
                case "hr" -> HR;
                case "rr" -> RR;
                case "inBed" -> IN_BED;
                case "move" -> MOVE;
                default -> 0;
            };
            if (field == 0 || (seen & field) != 0) {
                return null;
            }
            seen |= field;
            JsonToken value = p.nextToken();
            switch (field) {
                case DT -> {
                    Integer v = intIn(p, value, 0, 600_000);
                    if (v == null) {
                        return null;
                    }
                    dtMs = v;
                }
                case HR -> {
                    if (value != JsonToken.VALUE_NULL && (hr = intIn(p, value, 0, 250)) == null) {
                        return null;
                    }
                }
                case RR -> {
                    if (value != JsonToken.VALUE_NULL && (rr = intIn(p, value, 0, 80)) == null) {
                        return null;
                    }
                }
                case IN_BED -> {
                    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                        return null;
                    }
                    inBed = value == JsonToken.VALUE_TRUE;
                }
                default -> {
                    if ((move = intIn(p, value, 0, 100)) == null) {
                        return null;
                    }
                }
            }
        }
        if (token != JsonToken.END_OBJECT || (seen & (DT | IN_BED)) != (DT | IN_BED)) {
            return null;
        }
        return new Decoded.BedVitals.Sample(dtMs, hr, rr, inBed, move);
    }

    /** A plain JSON integer (no fraction, no exponent) within [min, max], or null. */
    private static Integer intIn(JsonParser p, JsonToken value, int min, int max) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            return null;
        }
        int v = p.getIntValue();
        return v < min || v > max ? null : v;
    }

    private static boolean fitsLong(JsonParser p) throws IOException {
        JsonParser.NumberType type = p.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+hh:mm|-hh:mm)} with a year from 1900 and an offset within
     * +-18:00, as OffsetDateTime.parse reads it; null for any other spelling (lower-case letters, leap seconds,
     * odd years, -00:00), left to the full path.
     */
    static Instant plainTime(String text) {
        int n = text.length();
        if (n < 20 || n > 35 || !digits(text, 0, 4) || text.charAt(0) < '1' || text.charAt(0) == '1' && text.charAt(1) < '9'
                || text.charAt(4) != '-' || !digits(text, 5, 7) || text.charAt(7) != '-' || !digits(text, 8, 10)
                || text.charAt(10) != 'T' || !digits(text, 11, 13) || text.charAt(13) != ':' || !digits(text, 14, 16)
                || text.charAt(16) != ':' || !digits(text, 17, 19)) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                nanos = nanos * 10 + text.charAt(i) - '0';
                i++;
            }
            if (i == start || i - start > 9) {
                return null;
            }
            for (int d = i - start; d < 9; d++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = 0;
        if (i == n - 1) {
            if (text.charAt(i) != 'Z') {
                return null;
            }
        } else {
            if (i != n - 6 || (text.charAt(i) != '+' && text.charAt(i) != '-') || !digits(text, i + 1, i + 3)
                    || text.charAt(i + 3) != ':' || !digits(text, i + 4, i + 6) || text.endsWith("-00:00")) {
                return null; // -00:00 is RFC 3339's "offset unknown", which the schema validator refuses
            }
            int hours = number(text, i + 1, i + 3);
            int minutes = number(text, i + 4, i + 6);
            if (hours > 18 || minutes > 59 || hours == 18 && minutes > 0) {
                return null;
            }
            offsetSeconds = (text.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        }
        try {
            // What OffsetDateTime.parse yields for this shape, without its general-purpose parser.
            LocalDateTime local = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                    number(text, 11, 13), number(text, 14, 16), number(text, 17, 19), nanos);
            return local.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds)).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
