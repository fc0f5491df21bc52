package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every payload builder, and everything the city and load generators produce, against schema/mqtt. */
class PayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime TS = OffsetDateTime.of(2026, 11, 22, 23, 15, 0, 250_000_000, ZoneOffset.ofHours(8));
    private static PayloadSchemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = PayloadSchemas.fromRepository();
    }

    static String schemaOf(Outgoing message) {
        return switch (message.kind()) {
            case BED_TELEMETRY -> "bed-telemetry.v1.schema.json";
            case BUTTON_HEARTBEAT -> "button-telemetry.v1.schema.json";
            case CAMERA_HEALTH -> "camera-telemetry.v1.schema.json";
            case STATUS -> "status.v1.schema.json";
            case EVENT -> "event.v1.schema.json";
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 120})
    void bedBatchesMatchTheSchema(int n) {
        List<BedSample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(i % 3 == 2 ? BedSample.empty(i * 1000) : BedSample.inBed(i * 1000, 58, 13, i % 100));
        }
        assertEquals(List.of(), schemas.errors("bed-telemetry.v1.schema.json", TelemetryPayloads.bed(42, TS, samples)));
    }

    @Test
    void outOfBedSamplesCarryNullVitals() throws Exception {
        JsonNode sample = JSON.readTree(TelemetryPayloads.bed(1, TS, List.of(BedSample.empty(0)))).path("samples").get(0);

        assertTrue(sample.get("hr").isNull());
        assertTrue(sample.get("rr").isNull());
        assertFalse(sample.get("inBed").asBoolean());
    }

    @Test
    void buttonHeartbeatsMatchTheSchema() {
        assertEquals(List.of(), schemas.errors("button-telemetry.v1.schema.json", TelemetryPayloads.button(1, TS, 87, -71, null)));
        assertEquals(List.of(), schemas.errors("button-telemetry.v1.schema.json",
                TelemetryPayloads.button(2, TS, 0, null, new Location(38.0428, 114.5149, 12.0))));
    }

    @Test
    void cameraHealthMatchesTheSchema() {
        assertEquals(List.of(), schemas.errors("camera-telemetry.v1.schema.json",
                TelemetryPayloads.camera(1, TS, new TelemetryPayloads.CameraHealth(24.6, 2048, 12.5, true))));
        assertEquals(List.of(), schemas.errors("camera-telemetry.v1.schema.json",
                TelemetryPayloads.camera(1, TS, new TelemetryPayloads.CameraHealth(25, 0, null, false))));
    }

    @Test
    void statusMessagesMatchTheSchemaAndTheWillIsExactlyTheContract() throws Exception {
        for (DeviceStatus status : List.of(DeviceStatus.connected(90, -70, "bed-2.4.1"), DeviceStatus.connected(null, null, null),
                DeviceStatus.will(), DeviceStatus.shutdown())) {
            assertEquals(List.of(), schemas.errors("status.v1.schema.json", TelemetryPayloads.status(7, TS, status)), status::toString);
        }
        assertEquals(JSON.readTree("{\"v\":1,\"seq\":7,\"ts\":\"2026-11-22T23:15:00.250+08:00\",\"online\":false,\"reason\":\"will\"}"),
                JSON.readTree(TelemetryPayloads.status(7, TS, DeviceStatus.will())));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeWithItsDetailsMatchesTheSchema(EventType type) {
        EventDetails details = switch (type) {
            case APNEA -> EventDetails.apnea(17.5);
            case SENSOR_FAULT -> EventDetails.fault("E_PIEZO_SIGNAL");
            case RESTRICTED_ZONE_MOTION -> EventDetails.zone("kitchen");
            case TAMPER -> EventDetails.tamper("occlusion");
            case SOS_PRESS, SOS_CANCEL, FALL_DETECTED -> EventDetails.at(new Location(38.04, 114.51, 8.0));
            default -> EventDetails.none();
        };
        assertEquals(List.of(), schemas.eventErrors(EventPayloads.event(type, 3, TS, details)));
    }

    @Test
    void theRequiredDetailsAreReallyRequired() {
        assertFalse(schemas.eventErrors(EventPayloads.event(EventType.APNEA, 3, TS, EventDetails.none())).isEmpty());
        assertFalse(schemas.eventErrors(EventPayloads.event(EventType.TAMPER, 3, TS, EventDetails.none())).isEmpty());
    }

    @Test
    void stringsAreEscaped() throws Exception {
        byte[] payload = EventPayloads.event(EventType.SENSOR_FAULT, 1, TS, EventDetails.fault("a\"b\\c"));
        assertEquals("a\"b\\c", JSON.readTree(payload).path("code").asText());
    }

    @Test
    void aSimulatedDayOfEveryDeviceClassIsSchemaValidWithUniqueIncreasingSeqs() throws Exception {
        Instant start = Instant.parse("2026-11-22T02:00:00Z"); // 10:00 in Shanghai
        OfflineCity city = new OfflineCity(3, 3, 3, 11, CityRates.defaults().withScale(200), FaultRates.none(), start)
                .run(start, Duration.ofHours(24));
        Set<MessageKind> seen = EnumSet.noneOf(MessageKind.class);
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        for (RecordingChannel channel : city.channels) {
            long last = -1;
            for (RecordingChannel.Entry entry : channel.entries) {
                if (entry.will() != null) {
                    assertEquals(List.of(), schemas.errors("status.v1.schema.json", entry.will()));
                }
                if (entry.copy() == null) {
                    continue;
                }
                Outgoing m = entry.copy().message();
                assertEquals(List.of(), schemas.errors(schemaOf(m), m.payload()), () -> new String(m.payload()));
                assertTrue(m.payload().length <= (m.kind() == MessageKind.BED_TELEMETRY ? 16_384 : 8_192));
                long seq = JSON.readTree(m.payload()).path("seq").asLong();
                assertTrue(seq > last, "seq must increase per device");
                last = seq;
                seen.add(m.kind());
                if (m.eventType() != null) {
                    events.add(m.eventType());
                    assertEquals(m.eventType().deviceType(), city.models.get(city.channels.indexOf(channel)).type());
                }
            }
        }
        assertEquals(EnumSet.allOf(MessageKind.class), seen);
        assertEquals(EnumSet.allOf(EventType.class), events, "with rates x200 a day shows every event type");
    }

    @ParameterizedTest
    @EnumSource(LoadMessages.Kind.class)
    void loadMessagesAreSchemaValidAndNumberedAsDocumented(LoadMessages.Kind kind) throws Exception {
        LoadMessages messages = new LoadMessages(kind, 10, 7, 500, "load-x-", EventType.APNEA,
                java.time.Clock.system(DeviceModel.LOCAL_ZONE));
        String schema = switch (kind) {
            case BED -> "bed-telemetry.v1.schema.json";
            case BUTTON -> "button-telemetry.v1.schema.json";
            case CAMERA -> "camera-telemetry.v1.schema.json";
            case EVENT -> "event.v1.schema.json";
        };
        for (long n = 0; n < 20; n++) {
            assertEquals(List.of(), schemas.errors(schema, messages.payload(n)));
        }
        assertEquals("load-x-000001", messages.deviceId(0));
        assertEquals(Topics.of("load-x-000004", kind == LoadMessages.Kind.EVENT ? "event" : "telemetry"), messages.topic(10));
        assertEquals(501, JSON.readTree(messages.payload(10)).path("seq").asLong());
        assertTrue(JSON.readTree(messages.payload(0)).path("ts").asText().endsWith("+08:00"));
    }
}
