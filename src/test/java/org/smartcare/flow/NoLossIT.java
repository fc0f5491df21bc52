package org.smartcare.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.support.Database;
import org.smartcare.support.DeployServices;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.ResilientPublisher;
import org.smartcare.support.Resources;
import org.smartcare.support.ServiceProcess;

/**
 * Nothing lost, nothing doubled: sequence-numbered messages are published while the service is killed
 * with SIGKILL and restarted, the broker is restarted and the database is restarted. At the end the
 * table holds exactly the published set.
 */
@MicronautTest(environments = "test", transactional = false, startApplication = false)
@Property(name = "smartcare.ingest.enabled", value = "false")
class NoLossIT {

    private static final int DEVICES = 3;
    private static final int PER_DEVICE = 1_200;
    private static final Duration PACE = Duration.ofMillis(10);

    @Inject Fixtures fixtures;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void theTablesHoldExactlyThePublishedSetAfterKillsAndRestarts() throws Exception {
        World world = fixtures.world();
        List<IssuedDevice> buttons = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            buttons.add(fixtures.device(world.tenant(), "nl-" + UUID.randomUUID().toString().substring(0, 8),
                    DeviceType.SOS_BUTTON, world.elder().id()));
        }
        String id = "nolossit-" + UUID.randomUUID().toString().substring(0, 8);
        Path log = Files.createTempFile("nolossit-service", ".log");
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        ExecutorService publishers = Executors.newFixedThreadPool(DEVICES);
        try (ServiceProcess service = ServiceProcess.start(id, id, log)) {
            service.awaitHealthy(Duration.ofSeconds(60));
            List<Future<Integer>> done = new ArrayList<>();
            for (IssuedDevice button : buttons) {
                done.add(publishers.submit(() -> publishAll(button, base)));
            }
            Thread.sleep(2_000);
            service.kill();
            Thread.sleep(2_000);
            service.restart();
            Thread.sleep(2_000);
            DeployServices.run("restart", "mosquitto");
            Thread.sleep(2_000);
            DeployServices.run("restart", "postgresql");
            for (Future<Integer> publisher : done) {
                publisher.get();
            }
            String ids = "'" + String.join("','", buttons.stream().map(b -> b.device().id()).toList()) + "'";
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    database.count("SELECT count(*) FROM button_heartbeat WHERE device_id IN (" + ids + ")")
                            >= (long) DEVICES * PER_DEVICE);
            Thread.sleep(1_000);
            for (IssuedDevice button : buttons) {
                String device = button.device().id();
                assertEquals(PER_DEVICE, database.count(
                        "SELECT count(*) FROM button_heartbeat WHERE device_id = ?", device), "rows of " + device);
                assertEquals(PER_DEVICE, database.count(
                        "SELECT count(DISTINCT seq) FROM button_heartbeat WHERE device_id = ? AND seq BETWEEN 1 AND ?",
                        device, PER_DEVICE), "distinct sequence numbers of " + device);
            }
        } finally {
            publishers.shutdownNow();
        }
    }

    private int publishAll(IssuedDevice button, Instant base) throws Exception {
        try (ResilientPublisher publisher = new ResilientPublisher(broker, button.device().id(), button.secret())) {
            String topic = "smartcare/v1/devices/" + button.device().id() + "/telemetry";
            for (int seq = 1; seq <= PER_DEVICE; seq++) {
                publisher.publish(topic, Resources.template("payloads/city/button-heartbeat.json", "seq",
                        Integer.toString(seq), "ts", base.plusSeconds(seq).toString(), "battery", "80"));
                Thread.sleep(PACE.toMillis());
            }
            return publisher.retries();
        }
    }
}
