package org.smartcare.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.ingest.mqtt.PahoDeviceSubscriber;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/**
 * SOS presses have a lane of their own: with the telemetry lane stuck (its transaction waits on a lock) and
 * its connection's window of unacknowledged messages full, an SOS is still stored and raised at once, and the
 * held-back telemetry is stored completely once the lane moves again.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "smartcare.mqtt.receive-maximum", value = "20")
class EventLaneIT {

    private static final int TELEMETRY_MESSAGES = 60;

    @Inject Fixtures fixtures;
    @Inject Database database;
    @Inject PahoDeviceSubscriber subscriber;
    @Value("${smartcare.mqtt.url}") String broker;
    @Value("${datasources.default.url}") String dbUrl;
    @Value("${datasources.default.username}") String dbUser;
    @Value("${datasources.default.password}") String dbPassword;

    @Test
    void anSosPassesTelemetryThatIsStuck() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(subscriber::isSubscribed);
        World world = fixtures.world();
        IssuedDevice bed = fixtures.device(world.tenant(), "bed-" + UUID.randomUUID().toString().substring(0, 8),
                DeviceType.BED_SENSOR, world.elder().id());
        String bedId = bed.device().id();
        String buttonId = world.button().device().id();

        try (Connection lock = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE bed_vitals IN SHARE MODE"); // readers pass, inserts wait
            }
            try (DeviceClient sensor = new DeviceClient(broker, bedId, bed.secret())) {
                for (int seq = 1; seq <= TELEMETRY_MESSAGES; seq++) {
                    assertEquals(0, sensor.publish(sensor.topic("telemetry"), vitals(seq)));
                }
            }
            try (DeviceClient button = new DeviceClient(broker, buttonId, world.button().secret())) {
                assertEquals(0, button.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq())));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> database.alertsOf(buttonId) == 1);
            assertEquals(1, database.eventsOf(buttonId));
            assertEquals(0, database.count("SELECT count(*) FROM bed_vitals_samples WHERE device_id = ?", bedId),
                    "the telemetry lane really was stuck while the SOS went through");
            lock.commit();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "SELECT count(DISTINCT seq) FROM bed_vitals_samples WHERE device_id = ?", bedId) == TELEMETRY_MESSAGES);
        assertEquals(TELEMETRY_MESSAGES, database.count("SELECT count(*) FROM bed_vitals_samples WHERE device_id = ?", bedId));
    }

    @Test
    void eachLaneSubscribesToItsOwnChannels() {
        await().atMost(Duration.ofSeconds(30)).until(subscriber::isSubscribed);
        List<String> events = subscriber.subscriptions().get("events");
        List<String> telemetry = subscriber.subscriptions().get("telemetry");
        assertEquals(1, events.size());
        assertTrue(events.getFirst().endsWith("/smartcare/v1/devices/+/event"), events.toString());
        assertEquals(2, telemetry.size());
        assertTrue(telemetry.stream().allMatch(f -> f.endsWith("/+/telemetry") || f.endsWith("/+/status")),
                telemetry.toString());
    }

    private static byte[] vitals(int seq) {
        return ("{\"v\":1,\"seq\":" + seq + ",\"ts\":\"" + Instant.now() + "\",\"samples\":"
                + "[{\"dtMs\":0,\"hr\":62,\"rr\":14,\"inBed\":true,\"move\":1}]}").getBytes(StandardCharsets.UTF_8);
    }
}
