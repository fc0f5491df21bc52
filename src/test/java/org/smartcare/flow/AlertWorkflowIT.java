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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.GraphQLWsClient;
import org.smartcare.support.Resources;

/** The call-centre workflow on real alerts: acknowledge, dispatch, resolve, notes, folding, cancel, rules. */
@MicronautTest(environments = "test", transactional = false)
class AlertWorkflowIT {

    @Inject Fixtures fixtures;
    @Inject Api api;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void anOperatorTakesAnSosFromPressToResolution() throws Exception {
        World world = fixtures.world();
        String operator = api.token(Role.OPERATOR, world.tenant());
        String id = pressAndAwaitAlert(world, Instant.now());
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri())) {
            ws.init(operator);
            assertEquals("connection_ack", ws.next(Duration.ofSeconds(5)).path("type").asText());
            ws.subscribe("u", Resources.text("graphql/alert-updated.graphql"), Map.of());
            Thread.sleep(200);

            JsonNode ack = step(operator, "Acknowledge", Map.of("id", id, "note", "calling the elder"));
            assertEquals("ACKNOWLEDGED", ack.path("alert").path("status").asText(), ack.toString());
            assertTrue(ack.path("alert").path("secondsToAcknowledge").asDouble() >= 0);
            JsonNode update = ws.next(Duration.ofSeconds(2));
            assertEquals("ACKNOWLEDGED", update.path("payload").path("data").path("alertUpdated").path("status").asText());

            JsonNode again = step(operator, "Acknowledge", Map.of("id", id));
            assertEquals("ALREADY_ACKNOWLEDGED", again.path("error").path("code").asText(), again.toString());
            JsonNode early = step(operator, "Escalate", Map.of("id", id));
            assertEquals("WRONG_STATE", early.path("error").path("code").asText());

            JsonNode dispatched = step(operator, "Dispatch", Map.of("id", id, "input", Map.of(
                    "call", Map.of("contactPriority", 1, "result", "son is on his way"), "note", "elder answered")));
            assertEquals("DISPATCHED", dispatched.path("alert").path("status").asText(), dispatched.toString());
            step(operator, "Note", Map.of("id", id, "note", "son arrived"));
            JsonNode resolved = step(operator, "Resolve", Map.of("id", id, "outcome", "HANDLED_EMERGENCY"));
            JsonNode alert = resolved.path("alert");
            assertEquals("RESOLVED", alert.path("status").asText());
            assertEquals("HANDLED_EMERGENCY", alert.path("outcome").asText());
            List<String> kinds = alert.path("history").findValuesAsText("kind");
            assertEquals(List.of("TRANSITION", "TRANSITION", "DISPATCH", "NOTE", "TRANSITION"), kinds);
            assertEquals("it-operator", alert.path("history").path(1).path("actor").asText());
            JsonNode afterResolve = step(operator, "Acknowledge", Map.of("id", id));
            assertEquals("ALREADY_RESOLVED", afterResolve.path("error").path("code").asText());

            JsonNode partner = step(api.token(Role.PARTNER, world.tenant()), "Note", Map.of("id", id, "note", "x"));
            assertEquals("FORBIDDEN", partner.path("error").path("code").asText());
            JsonNode stranger = step(api.token(Role.OPERATOR, "someone-else"), "Acknowledge", Map.of("id", id));
            assertEquals("NOT_FOUND", stranger.path("error").path("code").asText());
        }
    }

    @Test
    void repeatsFoldIntoTheOpenAlertAndACancelWithinThirtySecondsClosesIt() throws Exception {
        World world = fixtures.world();
        Instant first = Instant.now();
        String id = pressAndAwaitAlert(world, first);
        try (DeviceClient button = new DeviceClient(broker, world.buttonId(), world.button().secret())) {
            button.publishEvent(event("sos_press", DeviceClient.nextSeq(), first.plusSeconds(5)));
            await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                    "SELECT occurrences FROM alert WHERE device_id = ?", world.buttonId()) == 2);
            assertEquals(1, database.alertsOf(world.buttonId()), "one open alert per device and rule");
            String history = "SELECT count(*) FROM alert_transition t JOIN alert a ON a.id = t.alert_id "
                    + "WHERE a.device_id = ? AND t.actor = 'rule:SOS_PRESS' AND t.note LIKE ? ";
            assertEquals(1, database.count(history + "AND t.kind = 'TRANSITION' AND t.from_status IS NULL "
                    + "AND t.to_status = 'OPEN'", world.buttonId(), "raised from " + world.buttonId() + " #%"));
            assertEquals(1, database.count(history + "AND t.kind = 'REPEAT' AND t.from_status = 'OPEN' "
                    + "AND t.to_status = 'OPEN'", world.buttonId(), "repeated by " + world.buttonId() + " #%"));
            button.publishEvent(event("sos_cancel", DeviceClient.nextSeq(), first.plusSeconds(20)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "SELECT count(*) FROM alert WHERE device_id = ? AND outcome = 'CANCELLED_BY_USER'", world.buttonId()) == 1);
        JsonNode alert = api.query(api.token(Role.OPERATOR, world.tenant()), "alert-board.graphql", Map.of())
                .path("data").path("alerts").path("edges").path(0).path("node");
        assertEquals(id, alert.path("id").asText());
        assertEquals("RESOLVED", alert.path("status").asText());

        // A cancel long after the press closes nothing.
        try (DeviceClient button = new DeviceClient(broker, world.buttonId(), world.button().secret())) {
            Instant later = Instant.now();
            button.publishEvent(event("sos_press", DeviceClient.nextSeq(), later));
            button.publishEvent(event("sos_cancel", DeviceClient.nextSeq(), later.plusSeconds(45)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.eventsOf(world.buttonId()) == 5);
        Thread.sleep(300);
        assertEquals(1, database.count("SELECT count(*) FROM alert WHERE device_id = ? AND status = 'OPEN'",
                world.buttonId()));
    }

    @Test
    void dispatchingAnOrderCreatesAnEmergencyServiceOrderForTheAlert() throws Exception {
        World world = fixtures.world();
        String operator = api.token(Role.OPERATOR, world.tenant());
        String id = pressAndAwaitAlert(world, Instant.now());
        step(operator, "Acknowledge", Map.of("id", id));
        JsonNode dispatched = step(operator, "Dispatch", Map.of("id", id, "input",
                Map.of("order", Map.of("kind", "EMERGENCY"))));
        assertEquals("DISPATCHED", dispatched.path("alert").path("status").asText(), dispatched.toString());
        assertEquals(1, database.count("SELECT count(*) FROM service_order o JOIN alert a ON a.id = o.alert_id "
                + "WHERE a.device_id = ? AND o.type = 'EMERGENCY' AND o.origin = 'ALERT'", world.buttonId()));
    }

    @Test
    void bedCameraAndBatteryRulesRaiseTheirAlerts() throws Exception {
        World world = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        IssuedDevice bed = fixtures.device(world.tenant(), "bed-" + tag, DeviceType.BED_SENSOR, world.elder().id());
        IssuedDevice camera = fixtures.cameraAt(world.tenant(), "cam-" + tag, world.institution().id());
        Instant night = Instant.parse("2026-11-21T19:00:00Z"); // 03:00 in Shanghai
        try (DeviceClient bedSensor = new DeviceClient(broker, bed.device().id(), bed.secret());
             DeviceClient cam = new DeviceClient(broker, camera.device().id(), camera.secret());
             DeviceClient button = new DeviceClient(broker, world.buttonId(), world.button().secret())) {
            bedSensor.publishEvent(Resources.bytes("payloads/apnea.json"));
            bedSensor.publishEvent(event("apnea", 200, night, ",\"durationS\": 8"));
            cam.publishEvent(event("tamper", 1, night, ",\"tamperKind\": \"occlusion\""));
            cam.publishEvent(event("restricted_zone_motion", 2, night, ",\"zone\": \"kitchen\""));
            cam.publishEvent(event("restricted_zone_motion", 3, Instant.parse("2026-11-22T02:00:00Z"),
                    ",\"zone\": \"kitchen\"")); // 10:00 in Shanghai: open, expected motion
            button.publish(button.topic("telemetry"), Resources.template("payloads/city/button-heartbeat.json",
                    "seq", "9", "ts", night.toString(), "battery", "9").getBytes(StandardCharsets.UTF_8));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.alertsOf(camera.device().id()) == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.alertsOf(world.buttonId()) == 1);
        assertEquals(1, database.count("SELECT count(*) FROM alert WHERE device_id = ? AND kind = 'APNEA' "
                + "AND severity = 'HIGH'", bed.device().id()), "24.5 s apnea raises, the 8 s one does not fold in");
        assertEquals(1, database.count("SELECT occurrences FROM alert WHERE device_id = ? AND kind = 'APNEA'",
                bed.device().id()));
        assertEquals(1, database.count("SELECT count(*) FROM alert WHERE device_id = ? AND kind = 'CAMERA_TAMPER'",
                camera.device().id()));
        assertEquals(1, database.count("SELECT occurrences FROM alert WHERE device_id = ? "
                + "AND kind = 'RESTRICTED_ZONE_MOTION'", camera.device().id()), "daytime motion adds nothing");
        assertEquals(1, database.count("SELECT count(*) FROM alert WHERE device_id = ? AND kind = 'LOW_BATTERY' "
                + "AND severity = 'LOW'", world.buttonId()));

        JsonNode stats = api.query(api.token(Role.OPERATOR, world.tenant()), "alert-stats.graphql", Map.of(
                "from", Instant.now().minus(Duration.ofHours(1)).toString(), "to", Instant.now().plusSeconds(60).toString(),
                "region", "421300")).path("data").path("alertStats");
        assertEquals(4, stats.path("total").asInt(), stats.toString());
        assertEquals(0.0, stats.path("acknowledgedWithinLimit").asDouble());
    }

    @Test
    void lowBatteryRaisesUnderFifteenPercentAndClearsWhenCharged() throws Exception {
        World world = fixtures.world();
        Instant at = Instant.now().minus(Duration.ofHours(1));
        try (DeviceClient button = new DeviceClient(broker, world.buttonId(), world.button().secret())) {
            button.publish(button.topic("telemetry"), heartbeat(1, at, 15));
            button.publish(button.topic("telemetry"), heartbeat(2, at.plusSeconds(300), 14));
            await().atMost(Duration.ofSeconds(30)).until(() -> database.alertsOf(world.buttonId()) == 1);
            assertEquals(1, database.count("SELECT count(*) FROM alert WHERE device_id = ? AND kind = 'LOW_BATTERY'"
                    + " AND source_event_seq = 2 AND cleared_at IS NULL", world.buttonId()), "15 % is not low, 14 % is");
            button.publish(button.topic("telemetry"), heartbeat(3, at.plusSeconds(600), 15));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count("SELECT count(*) FROM alert WHERE device_id = ?"
                + " AND kind = 'LOW_BATTERY' AND cleared_at IS NOT NULL AND status = 'OPEN'", world.buttonId()) == 1);
    }

    private static byte[] heartbeat(long seq, Instant at, int battery) {
        return Resources.template("payloads/city/button-heartbeat.json", "seq", Long.toString(seq), "ts", at.toString(),
                "battery", Integer.toString(battery)).getBytes(StandardCharsets.UTF_8);
    }

    private String pressAndAwaitAlert(World world, Instant at) throws Exception {
        try (DeviceClient button = new DeviceClient(broker, world.buttonId(), world.button().secret())) {
            button.publishEvent(event("sos_press", DeviceClient.nextSeq(), at));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.alertsOf(world.buttonId()) == 1);
        return api.query(api.token(Role.OPERATOR, world.tenant()), "alert-board.graphql", Map.of())
                .path("data").path("alerts").path("edges").path(0).path("node").path("id").asText();
    }

    private JsonNode step(String token, String operation, Map<String, ?> variables) {
        JsonNode data = api.operation(token, "alert-workflow.graphql", operation, variables).path("data");
        return data.elements().next();
    }

    private static byte[] event(String type, long seq, Instant at) {
        return event(type, seq, at, "");
    }

    private static byte[] event(String type, long seq, Instant at, String extra) {
        return ("{\"v\":1,\"seq\":" + seq + ",\"ts\":\"" + at + "\",\"type\":\"" + type + "\"" + extra + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
