package org.smartcare.device;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.smartcare.graphql.GlobalId;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/** registerDevice / revokeDevice against the real broker's dynamic-security store and the real registry. */
@MicronautTest(environments = "test", transactional = false)
class DeviceAdministrationIT {

    @Inject Api api;
    @Inject Fixtures fixtures;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void aRegisteredDeviceConnectsWithItsSecretAndItsMessagesAreStored() throws Exception {
        World world = fixtures.world();
        String id = newId();
        JsonNode registered = register(api.token(Role.ADMIN, null), button(id, world, world.tenant()));
        assertTrue(registered.path("created").asBoolean(), registered.toString());
        assertTrue(registered.path("error").isNull(), registered.toString());
        assertEquals(GlobalId.encode("Elder", world.elder().id()), registered.at("/device/elder/id").asText());
        String secret = registered.path("secret").asText();
        assertEquals(48, secret.length(), "a fresh 192-bit secret");

        try (DeviceClient device = new DeviceClient(broker, id, secret)) {
            assertEquals(0, device.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq())));
            // Its own three channels only: nothing the service does not listen to is accepted quietly.
            byte[] junk = "{}".getBytes(StandardCharsets.UTF_8);
            assertEquals(135, device.publish(device.topic("debug"), junk), "unknown channel");
            assertEquals(135, device.publish(device.topic("event") + "/extra", junk), "deeper topic");
            assertEquals(135, device.publish("smartcare/v1/devices/" + newId() + "/event", junk), "another device");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.eventsOf(id) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.alertsOf(id) == 1);
    }

    @Test
    void registeringAgainReturnsTheDeviceWithoutItsSecretAndKeepsTheAccount() throws Exception {
        World world = fixtures.world();
        String id = newId();
        String operator = api.token(Role.OPERATOR, world.tenant());
        Map<String, Object> input = button(id, world, null);
        String secret = register(operator, input).path("secret").asText();

        JsonNode again = register(operator, input);
        assertFalse(again.path("created").asBoolean(), again.toString());
        assertTrue(again.path("secret").isNull(), "the secret is shown once: " + again);
        assertEquals(id, again.at("/device/deviceId").asText());
        try (DeviceClient device = new DeviceClient(broker, id, secret)) {
            assertTrue(device.isConnected(), "the first secret still works");
        }

        input.put("serial", "SN-OTHER");
        assertEquals("ALREADY_REGISTERED", register(operator, input).at("/error/code").asText());
    }

    @Test
    void concurrentRegistrationsOfOneDeviceCreateItOnceWithTheSecretThatWorks() throws Exception {
        World world = fixtures.world();
        String id = newId();
        String admin = api.token(Role.ADMIN, null);
        List<CompletableFuture<JsonNode>> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> register(admin, button(id, world, world.tenant()))));
        }
        List<JsonNode> answers = racing.stream().map(CompletableFuture::join).toList();
        List<JsonNode> created = answers.stream().filter(a -> a.path("created").asBoolean()).toList();
        assertEquals(1, created.size(), answers.toString());
        assertEquals(1, answers.stream().filter(a -> !a.path("secret").isNull()).count(), answers.toString());
        try (DeviceClient device = new DeviceClient(broker, id, created.getFirst().path("secret").asText())) {
            assertTrue(device.isConnected(), "the one secret handed out is the broker's");
        }
    }

    @Test
    void aRevokedDeviceIsDisconnectedAndCanNoLongerConnect() throws Exception {
        World world = fixtures.world();
        String id = newId();
        String admin = api.token(Role.ADMIN, null);
        JsonNode registered = register(admin, button(id, world, world.tenant()));
        String secret = registered.path("secret").asText();
        String deviceId = registered.at("/device/id").asText();

        try (DeviceClient device = new DeviceClient(broker, id, secret)) {
            JsonNode revoked = revoke(api.token(Role.OPERATOR, world.tenant()), deviceId);
            assertTrue(revoked.path("error").isNull(), revoked.toString());
            assertFalse(revoked.at("/device/revokedAt").isNull(), revoked.toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> !device.isConnected());
        }
        MqttException refused = assertThrows(MqttException.class, () -> new DeviceClient(broker, id, secret).close());
        assertNotEquals(0, refused.getReasonCode(), refused.toString());

        JsonNode again = revoke(admin, deviceId);
        assertEquals(registered.at("/device/id").asText(), again.at("/device/id").asText());
        assertTrue(again.path("error").isNull(), "revoking twice is harmless: " + again);
        assertEquals("REVOKED", register(admin, button(id, world, world.tenant())).at("/error/code").asText());
    }

    @Test
    void theServiceRefusesMessagesOfADeviceTheRegistryRevokedEvenIfTheBrokerLetsThemThrough() throws Exception {
        World world = fixtures.world();
        String id = newId();
        String secret = register(api.token(Role.ADMIN, null), button(id, world, world.tenant())).path("secret").asText();
        // The registry says revoked while the broker account still exists (e.g. a revocation half done by hand).
        database.execute("UPDATE device SET revoked_at = now() WHERE id = '" + id + "'");
        try (DeviceClient device = new DeviceClient(broker, id, secret)) {
            device.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                database.deadLetters("smartcare/v1/devices/" + id + "/event", "REVOKED_DEVICE") == 1);
        assertEquals(0, database.eventsOf(id));
        assertEquals(0, database.alertsOf(id));
    }

    @Test
    void refusalsComeBackAsTypedErrors() {
        World world = fixtures.world();
        World other = fixtures.world();
        String operator = api.token(Role.OPERATOR, world.tenant());
        assertEquals("FORBIDDEN", register(api.token(Role.PARTNER, world.tenant()), button(newId(), world, null))
                .at("/error/code").asText());
        assertEquals("NOT_FOUND", register(operator, button(newId(), other, other.tenant())).at("/error/code").asText());
        assertEquals("INVALID_INPUT", register(operator, button(newId(), other, null)).at("/error/code").asText(),
                "an elder of another tenant");
        assertEquals("INVALID_INPUT", register(operator, button("Not_A_Valid_Id", world, null)).at("/error/code").asText());
        assertEquals("INVALID_INPUT", register(api.token(Role.ADMIN, null), button(newId(), world, null))
                .at("/error/code").asText(), "an administrator names the tenant");
        String othersDevice = GlobalId.encode("Device", other.buttonId());
        assertEquals("NOT_FOUND", revoke(operator, othersDevice).at("/error/code").asText());
    }

    private JsonNode register(String token, Map<String, Object> input) {
        JsonNode answer = api.operation(token, "device-admin.graphql", "Register", Map.of("input", input));
        assertTrue(answer.path("errors").isMissingNode(), answer.toString());
        return answer.at("/data/registerDevice");
    }

    private JsonNode revoke(String token, String deviceId) {
        JsonNode answer = api.operation(token, "device-admin.graphql", "Revoke", Map.of("id", deviceId));
        assertTrue(answer.path("errors").isMissingNode(), answer.toString());
        return answer.at("/data/revokeDevice");
    }

    private static Map<String, Object> button(String id, World world, String tenant) {
        Map<String, Object> input = new HashMap<>();
        input.put("deviceId", id);
        input.put("type", "SOS_BUTTON");
        input.put("serial", "SN-" + id);
        input.put("elderId", GlobalId.encode("Elder", world.elder().id()));
        if (tenant != null) {
            input.put("tenant", tenant);
        }
        return input;
    }

    private static String newId() {
        return "reg-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
