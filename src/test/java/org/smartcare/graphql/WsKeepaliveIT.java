package org.smartcare.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.GraphQLWsClient;
import org.smartcare.support.Resources;

/**
 * A subscriber that only listens outlives the server's read-idle timeout: the server pings, the client's pong
 * counts as traffic. (Without the keepalive the server closed every such connection with 1001 after 5 min.)
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.idle-timeout", value = "2s")
@Property(name = "smartcare.graphql-ws.keepalive", value = "500ms")
class WsKeepaliveIT {

    @Inject Fixtures fixtures;
    @Inject Api api;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void aQuietSubscriberStaysConnectedPastTheIdleTimeoutAndStillGetsAlerts() throws Exception {
        World world = fixtures.world();
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri());
             DeviceClient button = new DeviceClient(broker, world.buttonId(), world.button().secret())) {
            ws.init(api.token(Role.OPERATOR, world.tenant()));
            assertEquals("connection_ack", ws.next(Duration.ofSeconds(5)).path("type").asText());
            ws.subscribe("1", Resources.text("graphql/alert-raised.graphql"), Map.of("filter", Map.of("kind", "SOS")));

            assertEquals(-1, ws.closeCode(Duration.ofSeconds(6)), "closed although the client answered every ping");

            assertEquals(0, button.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq())));
            JsonNode next = ws.next(Duration.ofSeconds(10));
            assertNotNull(next, "no alertRaised after the quiet spell");
            assertEquals(world.buttonId(),
                    next.path("payload").path("data").path("alertRaised").path("device").path("deviceId").asText());
        }
    }
}
