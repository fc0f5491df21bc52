package org.smartcare.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcare.care.ElderData;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.GraphQLWsClient;
import org.smartcare.support.Resources;

/** The first real slice: an SOS press on the broker reaches an operator's subscription and alert board. */
@MicronautTest(environments = "test", transactional = false)
class SosToOperatorIT {

    @Inject Fixtures fixtures;
    @Inject Api api;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void anSosPressReachesTheOperatorWithinASecondAndJoinsElderAndInstitution() throws Exception {
        World world = fixtures.world();
        String operator = api.token(Role.OPERATOR, world.tenant());
        warmUp();
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri());
             DeviceClient button = new DeviceClient(broker, world.buttonId(), world.button().secret())) {
            assertEquals("graphql-transport-ws", ws.subprotocol());
            ws.init(operator);
            assertEquals("connection_ack", ws.next(Duration.ofSeconds(5)).path("type").asText());
            ws.subscribe("1", Resources.text("graphql/alert-raised.graphql"), Map.of("filter", Map.of("kind", "SOS")));
            Thread.sleep(200); // let the subscription register before pressing

            long pressed = System.nanoTime();
            assertEquals(0, button.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq())));
            JsonNode next = ws.next(Duration.ofSeconds(1));
            long elapsedMs = (System.nanoTime() - pressed) / 1_000_000;

            assertNotNull(next, "no alertRaised within 1 s of the press");
            assertTrue(elapsedMs <= 1_000, "alertRaised took " + elapsedMs + " ms");
            assertEquals("next", next.path("type").asText());
            assertEquals("1", next.path("id").asText());
            JsonNode alert = next.path("payload").path("data").path("alertRaised");
            assertEquals("SOS", alert.path("kind").asText());
            assertEquals("CRITICAL", alert.path("severity").asText());
            assertEquals("OPEN", alert.path("status").asText());
            assertEquals(world.buttonId(), alert.path("device").path("deviceId").asText());
            assertEquals(world.elder().name(), alert.path("elder").path("name").asText());
            assertEquals(world.institution().name(), alert.path("institution").path("name").asText());

            JsonNode board = api.query(operator, "alert-board.graphql", Map.of("first", 10));
            JsonNode node = board.path("data").path("alerts").path("edges").path(0).path("node");
            assertEquals(alert.path("id").asText(), node.path("id").asText());
            assertEquals(world.elder().nationalId(), node.path("elder").path("nationalId").asText());
            assertEquals("13907221001", node.path("elder").path("phone").asText());
            assertEquals("东城街道 舜井社区 11号楼 2单元 101室", node.path("elder").path("address").asText());
            assertEquals("王小明", node.path("elder").path("emergencyContacts").path(0).path("name").asText());
            assertEquals("421303", node.path("institution").path("region").path("code").asText());
            assertEquals("随州市", node.path("institution").path("region").path("parent").path("name").asText());
            assertEquals(world.buttonId(), node.path("device").path("deviceId").asText());
            assertEquals(1, database.alertsOf(world.buttonId()));
        }
    }

    /**
     * One untimed press through the whole path first, delivered to a subscriber (whose read of the elder's name
     * is audited), so the timed one measures a running service, not class loading or the audit's first insert.
     */
    private void warmUp() throws Exception {
        World other = fixtures.world();
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri());
             DeviceClient button = new DeviceClient(broker, other.buttonId(), other.button().secret())) {
            ws.init(api.token(Role.OPERATOR, other.tenant()));
            ws.next(Duration.ofSeconds(5));
            ws.subscribe("1", Resources.text("graphql/alert-raised.graphql"), Map.of());
            Thread.sleep(200);
            button.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq()));
            await().atMost(Duration.ofSeconds(30)).until(() -> database.alertsOf(other.buttonId()) == 1);
            ws.next(Duration.ofSeconds(5)); // its delivery, if it comes: only the warming matters here
        }
    }

    @Test
    void partnersSeeMaskedPersonalDataAndOtherTenantsSeeNothing() throws Exception {
        World world = fixtures.world();
        World elsewhere = fixtures.world();
        try (DeviceClient button = new DeviceClient(broker, world.buttonId(), world.button().secret())) {
            assertEquals(0, button.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.alertsOf(world.buttonId()) == 1);

        fixtures.partnerConsent(world.tenant(), world.elder().id(), ElderData.ALERTS);
        JsonNode partner = api.query(api.token(Role.PARTNER, world.tenant()), "alert-board.graphql", Map.of());
        JsonNode elder = partner.path("data").path("alerts").path("edges").path(0).path("node").path("elder");
        assertEquals("4213**********001X", elder.path("nationalId").asText());
        assertEquals("139******01", elder.path("phone").asText());
        assertEquals("舜井社区", elder.path("address").asText(), "partners see the community, not the door");
        assertEquals("138******01", elder.path("emergencyContacts").path(0).path("phone").asText());

        JsonNode other = api.query(api.token(Role.OPERATOR, elsewhere.tenant()), "alert-board.graphql", Map.of());
        assertEquals(0, other.path("data").path("alerts").path("edges").size());
        String alertId = partner.path("data").path("alerts").path("edges").path(0).path("node").path("id").asText();
        JsonNode node = api.query(api.token(Role.OPERATOR, elsewhere.tenant()), "node.graphql", Map.of("id", alertId));
        assertTrue(node.path("data").path("node").isNull(), "another tenant's alert must not resolve");
        assertNull(node.get("errors"));
    }
}
