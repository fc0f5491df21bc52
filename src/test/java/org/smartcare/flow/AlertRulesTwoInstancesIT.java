package org.smartcare.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.care.AbilityLevel;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.support.BedTimeline;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.ServiceProcess;

/**
 * The state-bearing rules on two service instances sharing one subscription, one of them killed mid-episode:
 * a sustained heart-rate episode whose messages land on both instances (and across the kill) raises one alert,
 * and a due no-turning watch, swept by both instances, raises one alert.
 */
@MicronautTest(environments = "test", transactional = false, startApplication = false)
@Property(name = "smartcare.ingest.enabled", value = "false")
class AlertRulesTwoInstancesIT {

    @Inject Fixtures fixtures;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void episodesAndTimersRaiseOnceAcrossInstancesAndAKill() throws Exception {
        World world = fixtures.world();
        IssuedDevice vitalsBed = bed(world, world.elder().id());
        IssuedDevice stillBed = bed(world, fixtures.elder(world, AbilityLevel.COMPLETE_LOSS).id());
        Instant episodeStart = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        List<byte[]> episode = BedTimeline.from(episodeStart).inBed(100, 38, 14).messages(1);
        String group = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        try (ServiceProcess first = ServiceProcess.start(group + "-a", group, Files.createTempFile("rules-a", ".log"));
             ServiceProcess second = ServiceProcess.start(group + "-b", group, Files.createTempFile("rules-b", ".log"));
             DeviceClient vitals = new DeviceClient(broker, vitalsBed.device().id(), vitalsBed.secret());
             DeviceClient still = new DeviceClient(broker, stillBed.device().id(), stillBed.secret())) {
            first.awaitHealthy(Duration.ofSeconds(90));
            second.awaitHealthy(Duration.ofSeconds(90));
            for (byte[] message : episode.subList(0, 5)) {
                vitals.publish(vitals.topic("telemetry"), message);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                    "SELECT count(*) FROM bed_vitals_samples WHERE device_id = ?", vitalsBed.device().id()) == 50);
            first.kill();
            for (byte[] message : episode.subList(5, episode.size())) {
                vitals.publish(vitals.topic("telemetry"), message);
            }
            Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2)).minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
            for (byte[] message : BedTimeline.from(twoHoursAgo).inBed(20, 64, 13).messages(1)) {
                still.publish(still.topic("telemetry"), message);
            }
            first.restart();
            first.awaitHealthy(Duration.ofSeconds(90));

            await().atMost(Duration.ofSeconds(60)).until(() -> database.count("SELECT count(*) FROM alert"
                    + " WHERE device_id = ? AND rule = 'HEART_RATE_HIGH'", vitalsBed.device().id()) == 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> database.count("SELECT count(*) FROM alert"
                    + " WHERE device_id = ? AND rule = 'NO_TURNING'", stillBed.device().id()) == 1);
            Thread.sleep(12_000); // both instances sweep their timers a few more times
        }
        assertEquals(1, database.alertsOf(vitalsBed.device().id()));
        assertEquals(1, database.count("SELECT occurrences FROM alert WHERE device_id = ?", vitalsBed.device().id()));
        assertEquals(1, database.alertsOf(stillBed.device().id()));
        assertEquals(1, database.count("SELECT occurrences FROM alert WHERE device_id = ?", stillBed.device().id()));
        assertEquals(1, database.count("SELECT count(*) FROM alert_timer WHERE device_id = ? AND fired_at IS NOT NULL",
                stillBed.device().id()));
    }

    private IssuedDevice bed(World world, long elderId) {
        return fixtures.device(world.tenant(), "bed-" + UUID.randomUUID().toString().substring(0, 8),
                DeviceType.BED_SENSOR, elderId);
    }
}
