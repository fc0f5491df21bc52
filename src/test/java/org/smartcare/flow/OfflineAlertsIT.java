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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.Resources;

/**
 * Device offline -> MEDIUM: after a Last Will or three missed heartbeats, once per device, cleared (but kept open
 * for the operator) when the device is heard again. A clean shutdown raises nothing, nor does a camera whose
 * nursery is closed. Beds here beat every second, so three missed heartbeats take 3 s.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "smartcare.devices.heartbeat.bed-sensor", value = "1s")
@Property(name = "smartcare.devices.sweep-interval", value = "1s")
@Property(name = "smartcare.alerts.offline-interval", value = "1s")
@Property(name = "smartcare.alerts.offline-initial-delay", value = "1s")
class OfflineAlertsIT {

    private static final String OFFLINE = "SELECT count(*) FROM alert WHERE device_id = ? AND kind = 'DEVICE_OFFLINE'";

    @Inject Fixtures fixtures;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void silenceAndLastWillsRaiseOnceButShutdownsAndClosedNurseriesDoNot() throws Exception {
        World world = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        IssuedDevice silent = fixtures.device(world.tenant(), "bed-silent-" + tag, DeviceType.BED_SENSOR,
                world.elder().id());
        IssuedDevice unplugged = fixtures.device(world.tenant(), "bed-will-" + tag, DeviceType.BED_SENSOR,
                world.elder().id());
        IssuedDevice switchedOff = fixtures.device(world.tenant(), "bed-off-" + tag, DeviceType.BED_SENSOR,
                world.elder().id());
        IssuedDevice openCamera = fixtures.cameraAt(world.tenant(), "cam-open-" + tag,
                nursery(world, "open-" + tag, "00:00", "23:59:59.999999"));
        IssuedDevice closedCamera = fixtures.cameraAt(world.tenant(), "cam-closed-" + tag,
                nursery(world, "closed-" + tag, "00:00", "00:00"));

        try (DeviceClient bed = new DeviceClient(broker, silent.device().id(), silent.secret())) {
            bed.publish(bed.topic("telemetry"), vitals(1));
        }
        dropWithWill(unplugged);
        try (DeviceClient bed = new DeviceClient(broker, switchedOff.device().id(), switchedOff.secret())) {
            bed.publish(bed.topic("status"), status(false, "shutdown", Instant.now()));
        }
        dropWithWill(openCamera);
        dropWithWill(closedCamera);

        for (IssuedDevice device : new IssuedDevice[] {silent, unplugged, openCamera}) {
            await().atMost(Duration.ofSeconds(60)).until(() -> database.count(OFFLINE
                    + " AND severity = 'MEDIUM' AND status = 'OPEN'", device.device().id()) == 1);
        }
        assertEquals(1, database.count("SELECT count(*) FROM device_state WHERE device_id = ? "
                + "AND offline_reason = 'heartbeat_timeout'", silent.device().id()));
        Thread.sleep(3_000); // more sweeps of both kinds
        assertEquals(1, database.count(OFFLINE, silent.device().id()));
        assertEquals(1, database.count("SELECT occurrences FROM alert WHERE device_id = ?", silent.device().id()));
        assertEquals(0, database.count(OFFLINE, switchedOff.device().id()), "a clean shutdown is no fault");
        assertEquals(0, database.count(OFFLINE, closedCamera.device().id()), "a camera off while closed is expected");
        assertEquals(1, database.count("SELECT count(*) FROM device_state WHERE device_id = ? AND NOT online",
                closedCamera.device().id()));

        try (DeviceClient bed = new DeviceClient(broker, silent.device().id(), silent.secret())) {
            bed.publish(bed.topic("telemetry"), vitals(2));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(OFFLINE
                + " AND cleared_at IS NOT NULL AND status = 'OPEN'", silent.device().id()) == 1);
    }

    private long nursery(World world, String code, String opens, String closes) {
        long id = fixtures.nursery(world.tenant(), code).id();
        database.execute("UPDATE institution SET opens_at = '" + opens + "', closes_at = '" + closes + "' WHERE id = "
                + id);
        return id;
    }

    /**
     * Connects with a Last Will, says it is online, and drops; the will carries the connection's time (contract).
     * Each step waits for the service to have stored the one before: with connect, drop and close back to back,
     * the test failed once in CI with a NullPointerException thrown in Paho's receiver thread of this client.
     */
    private void dropWithWill(IssuedDevice device) throws Exception {
        String id = device.device().id();
        Instant connected = Instant.now();
        try (DeviceClient client = new DeviceClient(broker, id, device.secret(), status(false, "will", connected))) {
            client.publish(client.topic("status"), status(true, "connect", connected));
            await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                    "SELECT count(*) FROM device_status WHERE device_id = ?", id) == 1);
            client.dropConnection(); // the broker publishes the Last Will
            await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                    "SELECT count(*) FROM device_status WHERE device_id = ?", id) == 2);
        }
    }

    private static byte[] vitals(long seq) {
        return Resources.template("payloads/city/bed-vitals-10.json", "seq", Long.toString(seq),
                "ts", Instant.now().minusSeconds(10).toString()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] status(boolean online, String reason, Instant at) {
        return Resources.template("payloads/city/status.json", "seq", Long.toString(DeviceClient.nextSeq()),
                "ts", at.toString(), "online", Boolean.toString(online), "reason", reason)
                .getBytes(StandardCharsets.UTF_8);
    }
}
