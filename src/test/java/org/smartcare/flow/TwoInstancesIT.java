package org.smartcare.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.smartcare.support.ServiceProcess;

/**
 * Two service instances on one shared subscription: every SOS becomes exactly one alert (none missed, none
 * doubled, whichever instance ingested it), and subscribers on both instances see every alert.
 */
@MicronautTest(environments = "test", transactional = false, startApplication = false)
@Property(name = "smartcare.ingest.enabled", value = "false")
class TwoInstancesIT {

    private static final int PRESSES = 20;

    @Inject Fixtures fixtures;
    @Inject Database database;
    @Inject Api api;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void everyAlertOnceAndSeenOnBothInstances() throws Exception {
        World world = fixtures.world();
        List<IssuedDevice> buttons = new ArrayList<>();
        for (int i = 0; i < PRESSES; i++) {
            buttons.add(fixtures.device(world.tenant(), "two-" + UUID.randomUUID().toString().substring(0, 8),
                    DeviceType.SOS_BUTTON, world.elder().id()));
        }
        String group = "two-" + UUID.randomUUID().toString().substring(0, 8);
        try (ServiceProcess first = ServiceProcess.start(group + "-a", group, Files.createTempFile("two-a", ".log"));
             ServiceProcess second = ServiceProcess.start(group + "-b", group, Files.createTempFile("two-b", ".log"))) {
            first.awaitHealthy(Duration.ofSeconds(60));
            second.awaitHealthy(Duration.ofSeconds(60));
            String token = api.token(Role.OPERATOR, world.tenant());
            try (GraphQLWsClient onFirst = subscribed(first, token); GraphQLWsClient onSecond = subscribed(second, token)) {
                awaitBothListening(world, onFirst, onSecond);
                for (IssuedDevice button : buttons) {
                    try (DeviceClient device = new DeviceClient(broker, button.device().id(), button.secret())) {
                        device.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq()));
                    }
                }
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        database.count("SELECT count(*) FROM alert WHERE tenant_id = ? AND device_id LIKE 'two-%'",
                                world.tenant()) >= PRESSES);
                Set<String> seenFirst = collect(onFirst);
                Set<String> seenSecond = collect(onSecond);
                assertEquals(PRESSES, seenFirst.size(), "subscriber on the first instance");
                assertEquals(seenFirst, seenSecond, "both instances deliver the same alerts");
            }
            assertEquals(PRESSES, database.count(
                    "SELECT count(*) FROM alert WHERE tenant_id = ? AND device_id LIKE 'two-%'", world.tenant()));
            assertEquals(PRESSES, database.count(
                    "SELECT count(DISTINCT device_id) FROM alert WHERE tenant_id = ? AND device_id LIKE 'two-%'",
                    world.tenant()));
        }
    }

    private static GraphQLWsClient subscribed(ServiceProcess instance, String token) throws InterruptedException {
        GraphQLWsClient ws = new GraphQLWsClient(instance.wsUri());
        ws.init(token);
        assertEquals("connection_ack", ws.next(Duration.ofSeconds(10)).path("type").asText());
        ws.subscribe("raised", Resources.text("graphql/alert-raised.graphql"), Map.of());
        Thread.sleep(300);
        return ws;
    }

    /**
     * A subscription becomes live asynchronously, so canary presses (from devices outside the counted set) go
     * until an alert shows on both instances; what the canaries leave on the sockets is drained.
     */
    private void awaitBothListening(World world, GraphQLWsClient onFirst, GraphQLWsClient onSecond) throws Exception {
        boolean first = false;
        boolean second = false;
        for (int attempt = 0; attempt < 10 && !(first && second); attempt++) {
            IssuedDevice canary = fixtures.device(world.tenant(),
                    "canary-" + UUID.randomUUID().toString().substring(0, 8), DeviceType.SOS_BUTTON, world.elder().id());
            try (DeviceClient device = new DeviceClient(broker, canary.device().id(), canary.secret())) {
                device.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq()));
            }
            first |= !collect(onFirst).isEmpty();
            second |= !collect(onSecond).isEmpty();
        }
        assertTrue(first && second, "both subscriptions became live");
        collect(onFirst);
        collect(onSecond);
    }

    private static Set<String> collect(GraphQLWsClient ws) throws InterruptedException {
        Set<String> ids = new HashSet<>();
        for (JsonNode message = ws.next(Duration.ofSeconds(5)); message != null; message = ws.next(Duration.ofSeconds(2))) {
            ids.add(message.path("payload").path("data").path("alertRaised").path("id").asText());
        }
        return ids;
    }
}
