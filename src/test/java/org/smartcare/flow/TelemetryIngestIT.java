package org.smartcare.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.graphql.GlobalId;
import org.smartcare.care.ElderData;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.Resources;
import org.smartcare.support.ThreadNices;

/** Beds, buttons and cameras: every message kind into its hypertable, once, and back out through GraphQL. */
@MicronautTest(environments = "test", transactional = false)
class TelemetryIngestIT {

    @Inject Fixtures fixtures;
    @Inject Api api;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;
    @Value("${smartcare.mqtt.client-id}") String clientId;

    @Test
    void everyKindLandsInItsTableOnceAndIsQueryable() throws Exception {
        Instant testStarted = Instant.now();
        World world = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        IssuedDevice bed = fixtures.device(world.tenant(), "bed-" + tag, DeviceType.BED_SENSOR, world.elder().id());
        IssuedDevice camera = fixtures.device(world.tenant(), "cam-" + tag, DeviceType.NURSERY_CAMERA, null);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        byte[] vitals = payload("payloads/city/bed-vitals-10.json", "seq", "1", "ts", start.toString());
        try (DeviceClient bedSensor = new DeviceClient(broker, bed.device().id(), bed.secret());
             DeviceClient button = new DeviceClient(broker, world.buttonId(), world.button().secret());
             DeviceClient cam = new DeviceClient(broker, camera.device().id(), camera.secret(),
                     payload("payloads/city/status.json", "seq", "1", "ts", start.toString(), "online", "false",
                             "reason", "will"))) {
            bedSensor.publish(bedSensor.topic("status"), payload("payloads/city/status.json", "seq", "0", "ts",
                    start.toString(), "online", "true", "reason", "connect"));
            assertEquals(0, bedSensor.publish(bedSensor.topic("telemetry"), vitals));
            assertEquals(0, bedSensor.publish(bedSensor.topic("telemetry"), vitals)); // redelivered: no new rows
            bedSensor.publishEvent(payload("payloads/city/bed-exit.json", "seq", "2", "ts",
                    start.plusSeconds(5).toString()));
            button.publish(button.topic("telemetry"), payload("payloads/city/button-heartbeat.json", "seq", "3",
                    "ts", start.toString(), "battery", "12"));
            cam.publish(cam.topic("status"), payload("payloads/city/status.json", "seq", "0", "ts",
                    start.toString(), "online", "true", "reason", "connect"));
            cam.publish(cam.topic("telemetry"), payload("payloads/city/camera-health.json", "seq", "2", "ts",
                    start.toString()));
            cam.dropConnection(); // the broker publishes the Last Will
        }
        String camId = camera.device().id();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                database.count("SELECT count(*) FROM device_status WHERE device_id = ?", camId) == 2);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                database.count("SELECT count(*) FROM device_state WHERE device_id = ? AND NOT online", camId) == 1);
        assertEquals(10, database.count("SELECT count(*) FROM bed_vitals_samples WHERE device_id = ?", bed.device().id()));
        assertEquals(1, database.count("SELECT count(*) FROM device_event WHERE device_id = ?", bed.device().id()));
        assertEquals(1, database.count("SELECT count(*) FROM button_heartbeat WHERE device_id = ?", world.buttonId()));
        assertEquals(1, database.count("SELECT count(*) FROM camera_health WHERE device_id = ?", camId));
        // Sightings are flushed in bulk every couple of seconds.
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "SELECT count(*) FROM device_state WHERE device_id = ? AND battery = 12", world.buttonId()) == 1);

        String operator = api.token(Role.OPERATOR, world.tenant());
        Map<String, Object> range = Map.of("elder", GlobalId.encode("Elder", world.elder().id()),
                "from", start.toString(), "to", start.plus(Duration.ofHours(1)).toString(),
                "camera", GlobalId.encode("Device", camId), "bed", GlobalId.encode("Device", bed.device().id()));
        JsonNode view = api.query(operator, "telemetry-view.graphql", range).path("data");
        JsonNode bucket = view.path("elder").path("vitals").path(0);
        assertEquals(start.toString(), bucket.path("start").asText());
        assertEquals(10, bucket.path("samples").asInt());
        assertEquals(56, bucket.path("heartRate").path("min").asInt());
        assertEquals(65, bucket.path("heartRate").path("max").asInt());
        assertEquals(1, bucket.path("bedExits").asInt());
        assertEquals(9 / 60.0, bucket.path("minutesInBed").asDouble(), 0.001, "nine 1-s gaps in bed, out for the last");
        JsonNode camStatus = view.path("camera").path("status");
        assertEquals(false, camStatus.path("online").asBoolean());
        assertEquals("will", camStatus.path("offlineReason").asText());
        JsonNode health = view.path("elder").path("institution").path("deviceHealth");
        assertEquals(2, health.path("total").asInt(), health.toString()); // button and bed via the elder
        assertEquals(1, health.path("lowBattery").asInt());

        JsonNode lowBattery = api.query(operator, "devices.graphql", Map.of("filter", Map.of("lowBattery", true)));
        assertEquals(world.buttonId(), lowBattery.path("data").path("devices").path("edges").path(0).path("node")
                .path("deviceId").asText());
        JsonNode offline = api.query(operator, "devices.graphql", Map.of("filter", Map.of("status", "OFFLINE")));
        assertEquals(camId, offline.path("data").path("devices").path("edges").path(0).path("node")
                .path("deviceId").asText());

        JsonNode events = view.path("bed").path("events").path("edges");
        assertEquals(1, events.size(), view.toString());
        assertEquals("bed_exit", events.path(0).path("node").path("type").asText());
        assertEquals("2", events.path(0).path("node").path("seq").asText());

        String metrics = api.get(api.token(Role.ADMIN, null), api.uri("/prometheus")).body();
        assertTrue(metrics.contains("smartcare_ingest_samples_total{class=\"bed\""), "samples by device class");
        assertTrue(metrics.contains("smartcare_ingest_messages_total"), "messages by class and outcome");
        assertTrue(metrics.contains("smartcare_ingest_commit_seconds"), "commit latency");
        assertTrue(metrics.contains("smartcare_ingest_lag_seconds"), "device-to-commit lag");
        assertTrue(metrics.contains("smartcare_ingest_batch_size"), "batch sizes");
        for (String lane : List.of("events", "telemetry")) {
            for (String stage : List.of("queued", "lookup", "transaction")) {
                String count = "smartcare_ingest_stage_seconds_count{lane=\"" + lane + "\",stage=\"" + stage + "\"} ";
                assertTrue(metrics.lines().anyMatch(line -> line.startsWith(count) && !line.endsWith(" 0.0")),
                        lane + " lane's batches timed in stage " + stage);
            }
        }
        double lastCommit = Double.parseDouble(metrics.lines()
                .filter(line -> line.startsWith("smartcare_ingest_last_commit_time_seconds "))
                .findFirst().orElseThrow().substring("smartcare_ingest_last_commit_time_seconds ".length()));
        assertTrue(lastCommit >= testStarted.toEpochMilli() / 1000.0 && lastCommit <= System.currentTimeMillis() / 1000.0,
                "the latest commit happened during this test: " + lastCommit);
        assertEquals(401, api.get(null, api.uri("/prometheus")).statusCode(), "metrics need a token");
        assertEquals(403, api.get(operator, api.uri("/prometheus")).statusCode(), "metrics are for administrators");

        fixtures.partnerConsent(world.tenant(), world.elder().id(), ElderData.DEVICES);
        JsonNode partner = api.query(api.token(Role.PARTNER, world.tenant()), "telemetry-view.graphql", range);
        assertTrue(partner.path("data").path("elder").isObject(), "a consenting elder is visible: " + partner);
        assertTrue(partner.path("data").path("elder").path("vitals").isNull(), "health data is refused to partners");

        // The bulk lane yields the CPU to the events lane: its workers, and Paho's receiver and callback threads it
        // ran on, have a higher nice value (IngestBatching.nice, 5) than the process; the events lane's do not.
        Map<String, List<Integer>> nice = ThreadNices.byName();
        int base = ThreadNices.ofProcess();
        assertEquals(2, nice.get("mqtt-telemetry-").stream().filter(n -> n == base + 5).count(), "workers: " + nice);
        assertTrue(nice.get("mqtt-events-wor").stream().allMatch(n -> n == base), nice.toString());
        // The kernel keeps 15 characters of a thread's name: both lanes' Paho threads show as the client id's start.
        for (String paho : List.of("MQTT Rec: ", "MQTT Call: ")) {
            List<Integer> lanes = nice.get((paho + clientId).substring(0, 15));
            assertTrue(lanes.contains(base + 5) && lanes.contains(base), paho + nice);
        }
    }

    private static byte[] payload(String file, String... values) {
        return Resources.template(file, values).getBytes(StandardCharsets.UTF_8);
    }
}
