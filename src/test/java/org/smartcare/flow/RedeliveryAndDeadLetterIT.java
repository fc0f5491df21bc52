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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.device.BrokerCredentials;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.Resources;

/** Exactly one alert per press however often it arrives; bad messages are kept with a reason and do not block. */
@MicronautTest(environments = "test", transactional = false)
class RedeliveryAndDeadLetterIT {

    @Inject Fixtures fixtures;
    @Inject Api api;
    @Inject Database database;
    @Inject BrokerCredentials brokerCredentials;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void theSameMessageDeliveredTwiceMakesOneAlert() throws Exception {
        World world = fixtures.world();
        byte[] press = DeviceClient.sosPress(DeviceClient.nextSeq());
        try (DeviceClient button = new DeviceClient(broker, world.buttonId(), world.button().secret())) {
            assertEquals(0, button.publishEvent(press));
            assertEquals(0, button.publishEvent(press));
            // A later, different message: once it is stored, both copies before it have been handled.
            assertEquals(0, button.publishEvent(Resources.template("payloads/sos-press.json", "seq",
                    Long.toString(DeviceClient.nextSeq()), "ts", "2026-11-22T00:00:00Z")
                    .replace("sos_press", "sos_cancel").getBytes(StandardCharsets.UTF_8)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.eventsOf(world.buttonId()) == 2);
        Thread.sleep(300);
        assertEquals(1, database.alertsOf(world.buttonId()));
        assertEquals(2, database.eventsOf(world.buttonId()));
        assertEquals(0, database.count("SELECT count(*) FROM dead_letter WHERE device_id = ?", world.buttonId()));
    }

    @Test
    void badMessagesBecomeDeadLettersAndTheNextGoodPressStillRaisesAnAlert() throws Exception {
        World world = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        IssuedDevice bed = fixtures.device(world.tenant(), "bed-" + tag, DeviceType.BED_SENSOR, world.elder().id());
        String ghost = "ghost-" + tag;
        String ghostSecret = "ghost-secret-" + tag;
        brokerCredentials.grant(ghost, ghostSecret); // a broker account the registry does not know
        byte[] oversized = new byte[9_000];
        Arrays.fill(oversized, (byte) ' ');
        oversized[0] = '{';
        oversized[oversized.length - 1] = '}';
        String topic = "smartcare/v1/devices/" + world.buttonId() + "/event";
        try (DeviceClient button = new DeviceClient(broker, world.buttonId(), world.button().secret());
             DeviceClient bedSensor = new DeviceClient(broker, bed.device().id(), bed.secret());
             DeviceClient unknown = new DeviceClient(broker, ghost, ghostSecret)) {
            button.publishEvent(Resources.bytes("payloads/malformed.json"));
            button.publishEvent(Resources.bytes("payloads/wrong-type-seq.json"));
            button.publishEvent(oversized);
            bedSensor.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq()));
            unknown.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq()));
            button.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq()));
        } finally {
            brokerCredentials.revoke(ghost);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.alertsOf(world.buttonId()) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                database.deadLetters("smartcare/v1/devices/" + ghost + "/event", "UNKNOWN_DEVICE") == 1);
        assertEquals(1, database.deadLetters(topic, "MALFORMED_JSON"));
        assertEquals(1, database.deadLetters(topic, "SCHEMA_VIOLATION"));
        assertEquals(1, database.deadLetters(topic, "OVERSIZED"));
        assertEquals(1, database.deadLetters("smartcare/v1/devices/" + bed.device().id() + "/event", "WRONG_DEVICE_TYPE"));
        assertEquals(0, database.alertsOf(bed.device().id()));

        String operator = api.token(Role.OPERATOR, world.tenant());
        JsonNode letters = deadLetters(operator, Map.of("deviceId", world.buttonId(), "reasons", List.of("OVERSIZED")));
        assertEquals(1, letters.size(), "the operator filters to the button's oversized message: " + letters);
        JsonNode letter = letters.get(0).path("node");
        assertEquals(topic, letter.path("topic").asText());
        assertEquals(9_000, letter.path("payloadSize").asInt());
        assertTrue(letter.path("payloadPreview").asText().length() <= 2_048, "raw bytes are capped");
        assertTrue(letter.path("detail").asText().contains("8192"));
        assertEquals(3, deadLetters(operator, Map.of("deviceId", world.buttonId())).size(),
                "malformed, schema violation and oversized");

        String ghostTopic = "smartcare/v1/devices/" + ghost + "/event";
        Map<String, Object> ghostLetters = Map.of("deviceId", ghost);
        assertEquals(0, deadLetters(operator, ghostLetters).size(), "an unknown device's letter belongs to no tenant");
        JsonNode forAdmin = deadLetters(api.token(Role.ADMIN, null), ghostLetters);
        assertEquals(1, forAdmin.size(), "the administrator sees letters of unknown devices: " + forAdmin);
        assertEquals(ghostTopic, forAdmin.get(0).path("node").path("topic").asText());
        String otherTenant = fixtures.world().tenant();
        assertEquals(0, deadLetters(api.token(Role.OPERATOR, otherTenant), Map.of("deviceId", world.buttonId())).size(),
                "another tenant's operator never sees this tenant's letters");
        assertEquals(0, deadLetters(operator, Map.of("deviceId", world.buttonId(),
                "from", Instant.now().plusSeconds(3600).toString())).size(), "time window");
    }

    private JsonNode deadLetters(String token, Map<String, Object> filter) {
        JsonNode response = api.query(token, "dead-letters.graphql", Map.of("first", 100, "filter", filter));
        assertTrue(response.path("errors").isMissingNode(), response.toString());
        return response.path("data").path("deadLetters").path("edges");
    }
}
