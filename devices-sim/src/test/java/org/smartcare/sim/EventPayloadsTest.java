package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime BEIJING_MORNING = OffsetDateTime.of(2025, 6, 1, 8, 0, 0, 123_456_789,
            ZoneOffset.ofHours(8));

    private static PayloadSchemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = PayloadSchemas.fromRepository();
    }

    static Stream<Arguments> everyTypeWithAndWithoutLocation() {
        List<Arguments> cases = new ArrayList<>();
        for (EventType type : EventType.values()) {
            if (type.deviceType() != DeviceType.SOS_BUTTON) {
                continue; // the others need their details: PayloadsTest covers them
            }
            cases.add(Arguments.of(type, null));
            cases.add(Arguments.of(type, Location.of(38.0428, 114.5149)));
            cases.add(Arguments.of(type, new Location(-90, 180, 0.0)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("everyTypeWithAndWithoutLocation")
    void everyGeneratedEventMatchesTheSchema(EventType type, Location location) {
        byte[] payload = EventPayloads.event(type, 1_748_736_000_123_456L, BEIJING_MORNING, location);

        assertEquals(List.of(), schemas.eventErrors(payload));
    }

    @Test
    void seqAtTheEdgesOfItsRangeMatchesTheSchema() {
        assertEquals(List.of(), schemas.eventErrors(EventPayloads.event(EventType.SOS_PRESS, 0, BEIJING_MORNING, (Location) null)));
        assertEquals(List.of(),
                schemas.eventErrors(EventPayloads.event(EventType.SOS_PRESS, Long.MAX_VALUE, BEIJING_MORNING, (Location) null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sos_press", "fall_detected-with-location"})
    void payloadIsExactlyTheDocumentedMessage(String name) throws IOException {
        EventType type = name.startsWith("fall") ? EventType.FALL_DETECTED : EventType.SOS_PRESS;
        Location location = name.endsWith("with-location") ? new Location(38.0428, 114.5149, 12.5) : null;

        byte[] payload = EventPayloads.event(type, 42, BEIJING_MORNING, location);

        assertEquals(JSON.readTree(Fixtures.bytes("payloads/event-" + name + ".json")), JSON.readTree(payload));
    }

    @Test
    void theSchemaCheckRejectsWhatTheServiceWouldDeadLetter() {
        // Guards the guard: a validator that accepted everything would make the tests above pass vacuously.
        for (String invalid : List.of("unknown-type", "missing-seq", "ts-without-offset", "device-id-in-payload")) {
            byte[] payload = Fixtures.bytes("payloads/invalid/event-" + invalid + ".json");
            assertFalse(schemas.eventErrors(payload).isEmpty(), invalid + " should be invalid");
        }
    }

    @Test
    void timestampKeepsTheDeviceOffsetAndMilliseconds() {
        assertEquals("2025-06-01T08:00:00.123+08:00", EventPayloads.rfc3339(BEIJING_MORNING));
        assertEquals("2025-06-01T00:00:00.000Z",
                EventPayloads.rfc3339(OffsetDateTime.of(2025, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
    }

    @Test
    void negativeSeqIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> EventPayloads.event(EventType.SOS_PRESS, -1, BEIJING_MORNING, (Location) null));
    }

    @Test
    void topicCarriesTheDeviceId() {
        assertEquals("smartcare/v1/devices/btn-1/event", EventPayloads.eventTopic("btn-1"));
    }

    @Test
    void locationOutsideTheGlobeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Location.of(91, 0));
        assertThrows(IllegalArgumentException.class, () -> Location.of(0, -181));
        assertThrows(IllegalArgumentException.class, () -> new Location(0, 0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> Location.parse("38.0"));
        assertThrows(IllegalArgumentException.class, () -> Location.parse("north,east"));
        assertEquals(new Location(38.04, 114.51, 12.0), Location.parse("38.04, 114.51, 12"));
    }

    @Test
    void eventTypesParseFromTheirWireNames() {
        for (EventType type : EventType.values()) {
            assertEquals(type, EventType.parse(type.wireName()));
        }
        assertEquals(EventType.BED_EXIT, EventType.parse("bed_exit"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventType.parse("bed_exit", DeviceType.SOS_BUTTON));
        assertTrue(e.getMessage().contains("sos_press, sos_cancel, fall_detected"), e.getMessage());
    }
}
