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
import org.smartcare.device.DeviceType;
import org.smartcare.device.EventType;
import org.smartcare.support.Resources;

class MessageDecoderTest {

    private final MessageDecoder decoder = new MessageDecoder();

    @Test
    void decodesAPressWithLocation() throws Rejection {
        Decoded.Event event = event("payloads/sos-press-with-location.json");
        assertEquals(7, event.seq());
        assertEquals(EventType.SOS_PRESS, event.type());
        assertEquals(Instant.parse("2026-11-22T00:15:30.250Z"), event.ts());
        assertNotNull(event.location());
        assertEquals(31.69, event.location().latitude());
        assertEquals(12.5, event.accuracyM());
    }

    @Test
    void decodesAFallWithoutLocation() throws Rejection {
        Decoded.Event event = event("payloads/fall-detected.json");
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
                () -> event("payloads/" + file));
        assertEquals(reason, rejection.reason());
        assertEquals("btn-1", rejection.deviceId());
        assertTrue(!rejection.detail().isBlank(), "an operator needs to read why");
    }

    private Decoded.Event event(String file) throws Rejection {
        return (Decoded.Event) decoder.decode(Channel.EVENT, DeviceType.SOS_BUTTON, Resources.bytes(file), "btn-1");
    }

    @Test
    void refusesAnEmptyPayload() {
        Rejection rejection = assertThrows(Rejection.class, () -> decoder.decode(Channel.EVENT, DeviceType.SOS_BUTTON, new byte[0], "btn-1"));
        assertEquals(DeadLetterReason.MALFORMED_JSON, rejection.reason());
    }

    @Test
    void decodesBedVitalsToTheMicrosecond() throws Rejection {
        Decoded.BedVitals vitals = (Decoded.BedVitals) decoder.decode(Channel.TELEMETRY, DeviceType.BED_SENSOR,
                Resources.bytes("payloads/bed-vitals.json"), "bed-1");
        assertEquals(Instant.parse("2026-11-21T18:00:00.123456Z"), vitals.ts());
        assertEquals(3, vitals.samples().size());
        assertEquals(58, vitals.samples().get(0).heartRate());
        assertEquals(2000, vitals.samples().get(2).dtMs());
        assertNull(vitals.samples().get(2).heartRate());
        assertTrue(!vitals.samples().get(2).inBed());
    }

    @Test
    void aBatchOfSamplesIsAsFreshAsItsNewestSample() throws Rejection {
        Decoded vitals = decoder.decode(Channel.TELEMETRY, DeviceType.BED_SENSOR,
                Resources.bytes("payloads/bed-vitals.json"), "bed-1");
        assertEquals(Instant.parse("2026-11-21T18:00:02.123456Z"), vitals.newestReading());
        Decoded press = event("payloads/sos-press-with-location.json");
        assertEquals(press.ts(), press.newestReading());
    }

    @Test
    void decodesHeartbeatsAndStatus() throws Rejection {
        Decoded.ButtonBeat beat = (Decoded.ButtonBeat) decoder.decode(Channel.TELEMETRY, DeviceType.SOS_BUTTON,
                Resources.bytes("payloads/button-heartbeat.json"), "btn-1");
        assertEquals(14, beat.battery());
        assertEquals(-88, beat.signalDbm());
        Decoded.CameraBeat camera = (Decoded.CameraBeat) decoder.decode(Channel.TELEMETRY, DeviceType.NURSERY_CAMERA,
                Resources.bytes("payloads/camera-health.json"), "cam-1");
        assertEquals(2048, camera.bitrateKbps());
        Decoded.Status will = (Decoded.Status) decoder.decode(Channel.STATUS, DeviceType.NURSERY_CAMERA,
                Resources.bytes("payloads/status-will.json"), "cam-1");
        assertTrue(!will.online());
        assertEquals("will", will.reason());
        Decoded.Event apnea = (Decoded.Event) decoder.decode(Channel.EVENT, DeviceType.BED_SENSOR,
                Resources.bytes("payloads/apnea.json"), "bed-1");
        assertEquals(24.5, apnea.durationS());
    }

    @Test
    void decodesACaregiverPhonesFixToTheMicrosecond() throws Rejection {
        Decoded.CaregiverLocation fix = (Decoded.CaregiverLocation) decoder.decode(Channel.TELEMETRY,
                DeviceType.CAREGIVER_PHONE, Resources.bytes("payloads/caregiver-location.json"), "phone-1");
        assertEquals(77, fix.seq());
        assertEquals(Instant.parse("2026-03-02T01:00:00.123456Z"), fix.ts());
        assertEquals(31.6901, fix.location().latitude());
        assertEquals(12.5, fix.accuracyM());
        assertEquals(1201L, fix.orderId());
    }

    @ParameterizedTest
    @CsvSource({
            "TELEMETRY, SOS_BUTTON,     bed-vitals.json,                         SCHEMA_VIOLATION",
            "TELEMETRY, BED_SENSOR,     button-heartbeat.json,                   SCHEMA_VIOLATION",
            "TELEMETRY, BED_SENSOR,     bed-vitals-heart-rate-out-of-range.json, SCHEMA_VIOLATION",
            "EVENT,     BED_SENSOR,     apnea-without-duration.json,             SCHEMA_VIOLATION",
            "EVENT,     BED_SENSOR,     fall-detected.json,                      WRONG_DEVICE_TYPE",
            "EVENT,     NURSERY_CAMERA, apnea.json,                              WRONG_DEVICE_TYPE",
            "STATUS,    SOS_BUTTON,     button-heartbeat.json,                   SCHEMA_VIOLATION",
            "TELEMETRY, CAREGIVER_PHONE, button-heartbeat.json,                  SCHEMA_VIOLATION",
            "TELEMETRY, CAREGIVER_PHONE, caregiver-location-far-north.json,      SCHEMA_VIOLATION",
            "TELEMETRY, SOS_BUTTON,     caregiver-location.json,                 SCHEMA_VIOLATION",
            "EVENT,     CAREGIVER_PHONE, fall-detected.json,                     WRONG_DEVICE_TYPE"})
    void refusesWhatTheDeviceClassDoesNotSend(Channel channel, DeviceType type, String file, DeadLetterReason reason) {
        Rejection rejection = assertThrows(Rejection.class,
                () -> decoder.decode(channel, type, Resources.bytes("payloads/" + file), "dev-1"));
        assertEquals(reason, rejection.reason(), rejection.detail());
    }
}
