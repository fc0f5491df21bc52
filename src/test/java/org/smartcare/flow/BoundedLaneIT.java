package org.smartcare.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.ingest.mqtt.PahoDeviceSubscriber;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/**
 * Bounded memory while the database is stuck: the broker would hand the lane everything up to its receive
 * maximum (and Mosquitto 2.0.11 more, once acknowledgements flow), but the lane stops reading at its bound and
 * the broker keeps the rest. When the database moves again every message is stored, once.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "smartcare.ingest.batch.max-waiting", value = "100")
@Property(name = "smartcare.ingest.batch.max-messages", value = "100")
class BoundedLaneIT {

    private static final int MESSAGES = 3_000;

    @Inject Fixtures fixtures;
    @Inject Database database;
    @Inject PahoDeviceSubscriber subscriber;
    @Inject MeterRegistry registry;
    @Value("${smartcare.mqtt.url}") String broker;
    @Value("${datasources.default.url}") String dbUrl;
    @Value("${datasources.default.username}") String dbUser;
    @Value("${datasources.default.password}") String dbPassword;

    @Test
    void aStuckLaneHoldsNoMoreThanItsBoundAndLosesNothing() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(subscriber::isSubscribed);
        World world = fixtures.world();
        IssuedDevice bed = fixtures.device(world.tenant(), "bed-" + UUID.randomUUID().toString().substring(0, 8),
                DeviceType.BED_SENSOR, world.elder().id());
        String bedId = bed.device().id();
        AtomicInteger mostWaiting = new AtomicInteger();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (watching.get()) {
                mostWaiting.accumulateAndGet(subscriber.waiting().get("telemetry"), Math::max);
                Thread.onSpinWait();
            }
        });

        try (Connection lock = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE bed_vitals IN SHARE MODE"); // inserts wait
            }
            try (DeviceClient sensor = new DeviceClient(broker, bedId, bed.secret())) {
                for (int seq = 1; seq <= MESSAGES; seq++) {
                    assertEquals(0, sensor.publish(sensor.topic("telemetry"), vitals(seq)));
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> pausedSeconds() > 0.5);
            assertEquals(0, database.count("SELECT count(*) FROM bed_vitals_samples WHERE device_id = ?", bedId),
                    "the lane really was stuck");
            // Without the gate the lane takes all 2,900 the stuck batch leaves (the receive maximum is 4,000).
            // With it: the bound, one socket buffer of these small messages (64 KB, ~450) and Paho's queue.
            assertTrue(mostWaiting.get() <= 1_000, "waiting peaked at " + mostWaiting.get());
            lock.commit();
        } finally {
            watching.set(false);
            watcher.join();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> database.count(
                "SELECT count(DISTINCT seq) FROM bed_vitals_samples WHERE device_id = ?", bedId) == MESSAGES);
        assertEquals(MESSAGES, database.count("SELECT count(*) FROM bed_vitals_samples WHERE device_id = ?", bedId));
        assertTrue(mostWaiting.get() <= 1_000, "waiting peaked at " + mostWaiting.get());
    }

    private double pausedSeconds() {
        return registry.get("smartcare.ingest.receive.paused").tag("lane", "telemetry").functionCounter().count();
    }

    private static byte[] vitals(int seq) {
        return ("{\"v\":1,\"seq\":" + seq + ",\"ts\":\"" + Instant.now() + "\",\"samples\":"
                + "[{\"dtMs\":0,\"hr\":62,\"rr\":14,\"inBed\":true,\"move\":1}]}").getBytes(StandardCharsets.UTF_8);
    }
}
