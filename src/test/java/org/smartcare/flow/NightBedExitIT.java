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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/** A night bed exit without a return raises a HIGH alert once; a return in time cancels the watch. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "smartcare.alerts.timer-interval", value = "1s")
@Property(name = "smartcare.alerts.timer-initial-delay", value = "1s")
class NightBedExitIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject Fixtures fixtures;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void noReturnWithinFifteenMinutesRaisesOnceAndAReturnClearsIt() throws Exception {
        World world = fixtures.world();
        IssuedDevice bed = bed(world);
        Instant lastNight = LocalDate.now(SHANGHAI).minusDays(1).atTime(23, 10).atZone(SHANGHAI).toInstant();
        try (DeviceClient sensor = new DeviceClient(broker, bed.device().id(), bed.secret())) {
            sensor.publishEvent(event("bed_exit", 1, lastNight));
            sensor.publishEvent(event("bed_exit", 1, lastNight)); // redelivered: still one watch
        }
        String id = bed.device().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "SELECT count(*) FROM alert WHERE device_id = ? AND kind = 'NIGHT_BED_EXIT' AND severity = 'HIGH'", id) == 1);
        Thread.sleep(2_500); // several more sweeps
        assertEquals(1, database.count("SELECT count(*) FROM alert WHERE device_id = ?", id));
        assertEquals(1, database.count("SELECT occurrences FROM alert WHERE device_id = ?", id));
        assertEquals(1, database.count("SELECT count(*) FROM alert_timer WHERE device_id = ? AND fired_at IS NOT NULL", id));

        try (DeviceClient sensor = new DeviceClient(broker, bed.device().id(), bed.secret())) {
            sensor.publishEvent(event("bed_return", 2, lastNight.plus(Duration.ofMinutes(40))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "SELECT count(*) FROM alert WHERE device_id = ? AND cleared_at IS NOT NULL AND status = 'OPEN'", id) == 1);
    }

    @Test
    void aReturnInTimeCancelsAndADaytimeExitIsNotWatched() throws Exception {
        World world = fixtures.world();
        IssuedDevice bed = bed(world);
        Instant tonight = LocalDate.now(SHANGHAI).plusDays(1).atTime(1, 30).atZone(SHANGHAI).toInstant();
        Instant afternoon = LocalDate.now(SHANGHAI).minusDays(1).atTime(14, 0).atZone(SHANGHAI).toInstant();
        try (DeviceClient sensor = new DeviceClient(broker, bed.device().id(), bed.secret())) {
            sensor.publishEvent(event("bed_exit", 1, tonight));
            sensor.publishEvent(event("bed_return", 2, tonight.plus(Duration.ofMinutes(6))));
            sensor.publishEvent(event("bed_exit", 3, afternoon));
        }
        String id = bed.device().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> database.eventsOf(id) == 3);
        Thread.sleep(2_500);
        assertEquals(1, database.count("SELECT count(*) FROM alert_timer WHERE device_id = ?", id), "daytime: no watch");
        assertEquals(1, database.count("SELECT count(*) FROM alert_timer WHERE device_id = ? AND cancelled_at IS NOT NULL", id));
        assertEquals(0, database.count("SELECT count(*) FROM alert WHERE device_id = ?", id));
    }

    private IssuedDevice bed(World world) {
        return fixtures.device(world.tenant(), "bed-" + UUID.randomUUID().toString().substring(0, 8),
                DeviceType.BED_SENSOR, world.elder().id());
    }

    private static byte[] event(String type, long seq, Instant at) {
        return ("{\"v\":1,\"seq\":" + seq + ",\"ts\":\"" + at + "\",\"type\":\"" + type + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
