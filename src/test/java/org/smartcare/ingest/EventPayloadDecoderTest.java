package org.smartcare.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartcare.device.EventType;
import org.smartcare.support.Resources;

class EventPayloadDecoderTest {

    private final EventPayloadDecoder decoder = new EventPayloadDecoder();

    @Test
    void decodesAPressWithLocation() throws Rejection {
        DecodedEvent event = decoder.decode(Resources.bytes("payloads/sos-press-with-location.json"), "btn-1");
        assertEquals(7, event.seq());
        assertEquals(EventType.SOS_PRESS, event.type());
        assertEquals(Instant.parse("2026-11-22T00:15:30.250Z"), event.deviceTs());
        assertNotNull(event.location());
        assertEquals(31.69, event.location().latitude());
        assertEquals(12.5, event.accuracyM());
    }

    @Test
    void decodesAFallWithoutLocation() throws Rejection {
        DecodedEvent event = decoder.decode(Resources.bytes("payloads/fall-detected.json"), "btn-1");
        assertEquals(EventType.FALL_DETECTED, event.type());
        assertNull(event.location());
    }

    @ParameterizedTest
    @CsvSource({
            "malformed.json, MALFORMED_JSON",
            "duplicate-key.json, MALFORMED_JSON",
            "wrong-type-seq.json, SCHEMA_VIOLATION",
            "unknown-event.json, SCHEMA_VIOLATION",
            "extra-field.json, SCHEMA_VIOLATION",
            "bad-timestamp.json, SCHEMA_VIOLATION",
            "future-version.json, SCHEMA_VIOLATION",
            "missing-seq.json, SCHEMA_VIOLATION",
            "not-an-object.json, SCHEMA_VIOLATION"})
    void refusesWithAReason(String file, DeadLetterReason reason) {
        Rejection rejection = assertThrows(Rejection.class,
                () -> decoder.decode(Resources.bytes("payloads/" + file), "btn-1"));
        assertEquals(reason, rejection.reason());
        assertEquals("btn-1", rejection.deviceId());
        assertTrue(!rejection.detail().isBlank(), "an operator needs to read why");
    }

    @Test
    void refusesAnEmptyPayload() {
        Rejection rejection = assertThrows(Rejection.class, () -> decoder.decode(new byte[0], "btn-1"));
        assertEquals(DeadLetterReason.MALFORMED_JSON, rejection.reason());
    }
}
