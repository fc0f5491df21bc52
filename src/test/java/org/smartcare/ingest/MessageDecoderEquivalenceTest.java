package org.smartcare.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smartcare.device.DeviceType;

/**
 * The bed-telemetry fast path against the full decoder (tree + JSON Schema) over many generated payloads,
 * valid and broken in every way we could think of: wherever the fast path answers, its answer is the full
 * path's, and the decoder as a whole gives exactly the full path's result (value or rejection) for all.
 */
class MessageDecoderEquivalenceTest {

    private static final int PAYLOADS = 20_000;

    private final MessageDecoder decoder = new MessageDecoder();
    private final BedTelemetryFastPath fastPath = new BedTelemetryFastPath();

    @Test
    void fastPathAgreesWithTheSchemaOnGeneratedPayloads() {
        Random random = new Random(20261203);
        int fastAccepted = 0;
        int fullRejected = 0;
        for (int i = 0; i < PAYLOADS; i++) {
            boolean canonical = i % 4 == 0;
            String json = canonical ? new Payload(random, false).json() : new Payload(random, true).json();
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            Object full = outcome(() -> decoder.decodeFully(Channel.TELEMETRY, DeviceType.BED_SENSOR, bytes, "bed-1"));
            Object combined = outcome(() -> decoder.decode(Channel.TELEMETRY, DeviceType.BED_SENSOR, bytes, "bed-1"));
            assertEquals(full, combined, json);
            Decoded.BedVitals fast = fastPath.decode(bytes);
            if (fast != null) {
                fastAccepted++;
                assertEquals(full, fast, json);
            }
            if (full instanceof String) {
                fullRejected++;
            }
            if (canonical) {
                assertNotNull(fast, "the common shape must take the fast path: " + json);
            }
        }
        assertTrue(fullRejected > PAYLOADS / 3, "the generator must produce plenty of invalid payloads: " + fullRejected);
        assertTrue(fastAccepted > PAYLOADS / 4, "fast path taken " + fastAccepted);
    }

    @Test
    void plainTimesOnlyWhereJavaTimeAgrees() {
        assertNotNull(BedTelemetryFastPath.plainTime("2026-12-03T08:00:00.123+08:00"));
        assertNotNull(BedTelemetryFastPath.plainTime("2026-12-03T00:00:00Z"));
        for (String odd : List.of("2026-12-03t08:00:00Z", "2026-12-03T08:00:00z", "2026-12-03T23:59:60Z",
                "2026-02-30T08:00:00Z", "0001-01-01T00:00:00Z", "2026-12-03T08:00:00.1234567891Z",
                "2026-12-03T08:00:00+8:00", "2026-12-03T08:00:00-00:00", "2026-12-03T08:00:00", "2026-12-03 08:00:00Z", "2026-12-03T08:00:00+25:00")) {
            assertEquals(null, BedTelemetryFastPath.plainTime(odd), odd);
        }
    }

    private interface Decode {
        Decoded run() throws Rejection;
    }

    /** The decoded value, or "REASON: detail" for a rejection. */
    private static Object outcome(Decode decode) {
        try {
            return decode.run();
        } catch (Rejection r) {
            return r.reason() + ": " + r.detail();
        }
    }

    /** A bed payload built field by field; with {@code mutate}, each part may be broken or spelled unusually. */
    private static final class Payload {

        private final Random random;
        private final boolean mutate;

        Payload(Random random, boolean mutate) {
            this.random = random;
            this.mutate = mutate;
        }

        String json() {
            if (mutate && chance(0.02)) {
                return pick("", "  ", "null", "[]", "42", "\"x\"", "{", "{}", "{\"v\":1,}");
            }
            List<String> fields = new ArrayList<>();
            field(fields, "v", !mutate ? "1" : pick("1", "1", "1", "1.0", "2", "0", "\"1\"", "true", "1e0", "-1", "null"));
            field(fields, "seq", seq());
            field(fields, "ts", "\"" + ts() + "\"");
            field(fields, "samples", samples());
            if (mutate && chance(0.05)) {
                fields.add(quoted(pick("extra", "V", "Seq", "sample", "")) + ":" + pick("1", "null", "{}"));
            }
            if (mutate && chance(0.05)) {
                fields.add(fields.get(random.nextInt(fields.size())));
            }
            if (mutate && chance(0.3)) {
                Collections.shuffle(fields, random);
            }
            String body = "{" + String.join(separator(), fields) + "}";
            if (mutate && chance(0.03)) {
                body = body + pick(" ", "\n", " {}", "x", "]", " 1");
            }
            if (mutate && chance(0.02)) {
                body = body.substring(0, random.nextInt(body.length()));
            }
            return body;
        }

        private void field(List<String> fields, String name, String value) {
            if (mutate && chance(0.03)) {
                return;
            }
            fields.add(quoted(name) + ":" + value);
        }

        private String seq() {
            if (mutate && chance(0.3)) {
                return pick("-1", "0", "9223372036854775807", "9223372036854775808", "12.0", "1e3", "\"5\"", "null",
                        "18446744073709551616", "-0", "2147483648", "7.5");
            }
            return Long.toString(random.nextInt(3) == 0 ? random.nextInt(1000) : Math.abs(random.nextLong() >> 2));
        }

        private String ts() {
            String date = mutate && chance(0.1) ? pick("2026-02-30", "2026-13-01", "2024-02-29", "2025-02-29",
                    "1899-12-31", "0000-01-01", "20261203", "2026-1-03", "1900-01-01", "9999-12-31")
                    : String.format("%04d-%02d-%02d", 2020 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String time = mutate && chance(0.1) ? pick("23:59:60", "24:00:00", "12:60:00", "1:00:00", "12:00",
                    "00:00:00") : String.format("%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60));
            int digits = mutate ? random.nextInt(11) : random.nextInt(4) * 3;
            StringBuilder fraction = new StringBuilder(digits == 0 ? "" : ".");
            for (int d = 0; d < digits; d++) {
                fraction.append(random.nextInt(10));
            }
            String offset = mutate && chance(0.15) ? pick("z", "", "+0800", "+08", "+24:00", "+18:00", "-18:00",
                    "+19:00", "+14:00", "-00:00", "+05:60", "+05:45") : pick("Z", "+08:00", "-05:00", "+00:00");
            String separator = mutate && chance(0.05) ? pick("t", " ", "") : "T";
            return date + separator + time + fraction + offset;
        }

        private String samples() {
            if (mutate && chance(0.03)) {
                return pick("[]", "null", "{}", "\"x\"", "[1]", "[null]", "[[]]");
            }
            int count = mutate && chance(0.05) ? pick(119, 120, 121, 150) : 1 + random.nextInt(random.nextBoolean() ? 1 : 12);
            List<String> samples = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                samples.add(sample(i));
            }
            return "[" + String.join(separator(), samples) + "]";
        }

        private String sample(int i) {
            List<String> fields = new ArrayList<>();
            boolean inBed = random.nextInt(5) > 0;
            sampleField(fields, "dtMs", Integer.toString(i * 1000), "600000", "600001", "-1", "1000.0", "null", "\"0\"");
            sampleField(fields, "hr", inBed ? Integer.toString(40 + random.nextInt(80)) : "null", "0", "250", "251", "-1",
                    "72.0", "72.5", "\"72\"", "true", "1e2", "99999999999");
            sampleField(fields, "rr", inBed ? Integer.toString(8 + random.nextInt(20)) : "null", "0", "80", "81",
                    "null", "16.0", "[]");
            sampleField(fields, "inBed", Boolean.toString(inBed), "1", "\"true\"", "null", "TRUE");
            if (random.nextInt(4) > 0 || mutate && chance(0.1)) {
                sampleField(fields, "move", Integer.toString(random.nextInt(101)), "100", "101", "null", "-1", "3.0");
            }
            if (mutate && chance(0.02)) {
                fields.add(quoted(pick("temp", "HR", "dt")) + ":1");
            }
            if (mutate && chance(0.02)) {
                fields.add(fields.get(random.nextInt(fields.size())));
            }
            if (chance(0.3)) {
                Collections.shuffle(fields, random);
            }
            return "{" + String.join(separator(), fields) + "}";
        }

        private void sampleField(List<String> fields, String name, String normal, String... odd) {
            if (mutate && chance(0.01)) {
                return;
            }
            if (!mutate && (name.equals("hr") || name.equals("rr")) && chance(0.2)) {
                return;
            }
            fields.add(quoted(name) + ":" + (mutate && chance(0.02) ? odd[random.nextInt(odd.length)] : normal));
        }

        private String separator() {
            return mutate && chance(0.1) ? pick(" ,", ", ", ",\n\t", ",") : ",";
        }

        private boolean chance(double p) {
            return random.nextDouble() < p;
        }

        @SafeVarargs
        private <T> T pick(T... choices) {
            return choices[random.nextInt(choices.length)];
        }

        private static String quoted(String name) {
            return "\"" + name + "\"";
        }
    }
}
