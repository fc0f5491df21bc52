package org.smartcare.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.support.BedTimeline;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/**
 * Heart rate and respiration out of range, sustained over many telemetry messages published to the real
 * broker: raised once per episode, cleared by a normal reading; a normal sample, an out-of-bed spell or too
 * short an episode raises nothing.
 */
@MicronautTest(environments = "test", transactional = false)
class SustainedVitalsIT {

    private static final String ALERTS = "SELECT count(*) FROM alert WHERE device_id = ? AND rule = ?";

    @Inject Fixtures fixtures;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void aSustainedLowHeartRateRaisesHighOnceAndANormalReadingClearsIt() throws Exception {
        IssuedDevice bed = bed(fixtures.world());
        String id = bed.device().id();
        Instant start = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        List<byte[]> episode = BedTimeline.from(start).inBed(90, 40, 14).messages(1);
        try (DeviceClient sensor = new DeviceClient(broker, id, bed.secret())) {
            for (byte[] message : episode) {
                sensor.publish(sensor.topic("telemetry"), message);
            }
            sensor.publish(sensor.topic("telemetry"), episode.getLast()); // redelivered
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(ALERTS, id, "HEART_RATE_HIGH") == 1);
        Thread.sleep(1_000);
        assertEquals(1, database.count("SELECT count(*) FROM alert WHERE device_id = ?", id), "only the HIGH rule");
        assertEquals(1, database.count("SELECT occurrences FROM alert WHERE device_id = ?", id), "one episode");
        assertEquals(1, database.count("SELECT count(*) FROM alert WHERE device_id = ? AND kind = 'HEART_RATE'"
                + " AND severity = 'HIGH' AND source_event_ts = ?", id, java.sql.Timestamp.from(start)));

        try (DeviceClient sensor = new DeviceClient(broker, id, bed.secret())) {
            for (byte[] message : BedTimeline.from(start.plusSeconds(90)).inBed(10, 70, 14).messages(10)) {
                sensor.publish(sensor.topic("telemetry"), message);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "SELECT count(*) FROM alert WHERE device_id = ? AND cleared_at IS NOT NULL AND status = 'OPEN'", id) == 1);
        assertEquals(1, database.count("SELECT count(*) FROM alert_transition t JOIN alert a ON a.id = t.alert_id"
                + " WHERE a.device_id = ? AND t.kind = 'CLEARED'", id));
    }

    @Test
    void respirationAbnormalForFiveMinutesRaisesMedium() throws Exception {
        IssuedDevice bed = bed(fixtures.world());
        String id = bed.device().id();
        Instant start = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        try (DeviceClient sensor = new DeviceClient(broker, id, bed.secret())) {
            for (byte[] message : BedTimeline.from(start).inBed(310, 70, 25).messages(1)) {
                sensor.publish(sensor.topic("telemetry"), message);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(ALERTS, id, "RESPIRATION_MEDIUM") == 1);
        assertEquals(1, database.count("SELECT count(*) FROM alert WHERE device_id = ? AND kind = 'RESPIRATION'"
                + " AND severity = 'MEDIUM'", id));
        assertEquals(0, database.count(ALERTS, id, "RESPIRATION_HIGH"));
        assertEquals(0, database.count(ALERTS, id, "HEART_RATE_MEDIUM"));
    }

    @Test
    void brokenOrShortEpisodesRaiseNothing() throws Exception {
        IssuedDevice bed = bed(fixtures.world());
        String id = bed.device().id();
        Instant start = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        BedTimeline timeline = BedTimeline.from(start)
                .inBed(50, 130, 14).inBed(1, 80, 14).inBed(50, 130, 14) // a normal sample breaks it
                .inBed(1, 70, 14)
                .inBed(40, 40, 30).outOfBed(10).inBed(40, 40, 30)        // so does getting up
                .inBed(1, 70, 14)
                .inBed(50, 40, 5).inBed(10, 70, 14);                     // too short
        List<byte[]> messages = timeline.messages(1);
        try (DeviceClient sensor = new DeviceClient(broker, id, bed.secret())) {
            for (byte[] message : messages) {
                sensor.publish(sensor.topic("telemetry"), message);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "SELECT count(*) FROM bed_vitals_samples WHERE device_id = ?", id) == 253);
        Thread.sleep(1_000);
        assertEquals(0, database.alertsOf(id));
    }

    private IssuedDevice bed(World world) {
        return fixtures.device(world.tenant(), "bed-" + UUID.randomUUID().toString().substring(0, 8),
                DeviceType.BED_SENSOR, world.elder().id());
    }
}
