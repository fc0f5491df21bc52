package org.smartcare.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.care.AbilityLevel;
import org.smartcare.care.Elder;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.support.BedTimeline;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/**
 * Two hours in bed without turning raise a MEDIUM alert, once, for an elder with severe loss of ability; a turn
 * or a bed exit in time prevents it, and elders who can turn themselves are not watched. Samples and events go
 * through the real broker; the samples are dated two hours back so the durable timer is due at once.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "smartcare.alerts.timer-interval", value = "1s")
@Property(name = "smartcare.alerts.timer-initial-delay", value = "1s")
class NoTurningIT {

    private static final String TIMERS = "SELECT count(*) FROM alert_timer WHERE device_id = ? AND kind = 'NO_TURNING'";

    @Inject Fixtures fixtures;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void twoHoursWithoutTurningRaisesOnceAndATurnClearsIt() throws Exception {
        World world = fixtures.world();
        IssuedDevice bed = bed(world, fixtures.elder(world, AbilityLevel.SEVERE_LOSS));
        String id = bed.device().id();
        Instant start = twoHoursAgo().minus(Duration.ofMinutes(1));
        try (DeviceClient sensor = new DeviceClient(broker, id, bed.secret())) {
            publish(sensor, BedTimeline.from(start).inBed(20, 66, 14), 1);
            publish(sensor, BedTimeline.from(start).inBed(20, 66, 14), 1); // redelivered
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count("SELECT count(*) FROM alert WHERE device_id = ?"
                + " AND kind = 'NO_TURNING' AND severity = 'MEDIUM' AND rule = 'NO_TURNING'", id) == 1);
        Thread.sleep(2_500); // several more sweeps
        assertEquals(1, database.alertsOf(id));
        assertEquals(1, database.count("SELECT occurrences FROM alert WHERE device_id = ?", id));
        assertEquals(1, database.count(TIMERS + " AND fired_at IS NOT NULL", id), "fired exactly once");

        try (DeviceClient sensor = new DeviceClient(broker, id, bed.secret())) {
            publish(sensor, BedTimeline.from(start.plusSeconds(20)).inBed(10, 66, 14), 3); // late, still in bed
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(TIMERS, id) == 2);
        Thread.sleep(2_500);
        assertEquals(1, database.count("SELECT occurrences FROM alert WHERE device_id = ?", id),
                "the next watch is due a whole period after the first fired, not at once");

        try (DeviceClient sensor = new DeviceClient(broker, id, bed.secret())) {
            sensor.publishEvent(event("turn", 100, Instant.now().minusSeconds(5)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "SELECT count(*) FROM alert WHERE device_id = ? AND cleared_at IS NOT NULL AND status = 'OPEN'", id) == 1);
        assertEquals(1, database.count(TIMERS + " AND fired_at IS NULL AND cancelled_at IS NULL", id),
                "the turn starts the next watch");
    }

    @Test
    void aTurnOrABedExitInTimeAndAnAbleElderRaiseNothing() throws Exception {
        World world = fixtures.world();
        IssuedDevice turning = bed(world, fixtures.elder(world, AbilityLevel.COMPLETE_LOSS));
        IssuedDevice leaving = bed(world, fixtures.elder(world, AbilityLevel.SEVERE_LOSS));
        IssuedDevice able = bed(world, world.elder()); // MODERATE_LOSS
        Instant start = twoHoursAgo().plusSeconds(15); // due in 15 s: time for the events to arrive first
        Instant due = start.plus(Duration.ofHours(2));
        for (IssuedDevice bed : new IssuedDevice[] {turning, leaving, able}) {
            try (DeviceClient sensor = new DeviceClient(broker, bed.device().id(), bed.secret())) {
                publish(sensor, BedTimeline.from(start).inBed(20, 66, 14), 1);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(TIMERS, turning.device().id()) == 1);
        String leavingId = leaving.device().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(TIMERS, leavingId) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "SELECT count(*) FROM bed_vitals_samples WHERE device_id = ?", able.device().id()) == 20);
        try (DeviceClient sensor = new DeviceClient(broker, turning.device().id(), turning.secret())) {
            sensor.publishEvent(event("turn", 50, start.plus(Duration.ofMinutes(60))));
        }
        try (DeviceClient sensor = new DeviceClient(broker, leavingId, leaving.secret())) {
            sensor.publishEvent(event("bed_exit", 50, start.plus(Duration.ofMinutes(90))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.eventsOf(turning.device().id()) == 1
                && database.eventsOf(leavingId) == 1);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 3_000); // past due, more sweeps
        assertEquals(0, database.count(TIMERS, able.device().id()), "an elder who can turn is not watched");
        // Only the no-turning rule is asked about: between 22:30 and 06:30 in the elders' time zone the bed exit
        // (30 min ago by device time) is a night bed exit without return and rightly raises that rule's alert.
        assertEquals(0, noTurningAlertsOf(able.device().id()));
        assertEquals(0, noTurningAlertsOf(leavingId));
        assertEquals(0, noTurningAlertsOf(turning.device().id()));
        assertEquals(1, database.count(TIMERS + " AND cancelled_at IS NOT NULL", leavingId));
        assertEquals(1, database.count(TIMERS + " AND fired_at IS NULL AND cancelled_at IS NULL", turning.device().id()),
                "restarted by the turn, due an hour from now");
    }

    private IssuedDevice bed(World world, Elder elder) {
        return fixtures.device(world.tenant(), "bed-" + UUID.randomUUID().toString().substring(0, 8),
                DeviceType.BED_SENSOR, elder.id());
    }

    private static Instant twoHoursAgo() {
        return Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void publish(DeviceClient sensor, BedTimeline timeline, long firstSeq) throws Exception {
        for (byte[] message : timeline.messages(firstSeq)) {
            sensor.publish(sensor.topic("telemetry"), message);
        }
    }

    private static byte[] event(String type, long seq, Instant at) {
        return ("{\"v\":1,\"seq\":" + seq + ",\"ts\":\"" + at + "\",\"type\":\"" + type + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private long noTurningAlertsOf(String deviceId) {
        return database.count("SELECT count(*) FROM alert WHERE device_id = ? AND rule = 'NO_TURNING'", deviceId);
    }
}
