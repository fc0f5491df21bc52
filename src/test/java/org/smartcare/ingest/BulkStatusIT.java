package org.smartcare.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smartcare.device.DeviceState;
import org.smartcare.device.DeviceStates;
import org.smartcare.device.DeviceType;
import org.smartcare.support.Database;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.Resources;

/**
 * Status messages are applied to device_state in one statement per batch: several statuses of one device in one
 * batch, out of order, leave it as applying them in device-time order would, and an older status never undoes a
 * newer one stored before. A Last Will ends the connection whose time it carries, whatever the device reported during
 * that connection, unless the device has connected again or said goodbye since.
 */
@MicronautTest(environments = "test", transactional = false)
class BulkStatusIT {

    @Inject Fixtures fixtures;
    @Inject IngestService ingest;
    @Inject DeviceStates states;
    @Inject Database database;

    @Test
    void manyStatusesOfADeviceInOneBatchEndAsTheNewestSaysOutOfOrderToo() {
        World world = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String button = world.button().device().id();
        String bed = fixtures.device(world.tenant(), "bed-bulk-" + tag, DeviceType.BED_SENSOR, world.elder().id()).device().id();
        String camera = fixtures.device(world.tenant(), "cam-bulk-" + tag, DeviceType.NURSERY_CAMERA, null).device().id();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);

        // Stored before: the bed went away (will), the camera is online as of t0+10 s.
        ingest.accept(List.of(status(bed, 1, t0, false, "will"), status(camera, 1, t0.plusSeconds(10), true, "connect")));
        Instant bedWentOffline = state(bed).changedAt();

        List<IngestOutcome> outcomes = ingest.accept(List.of(
                status(button, 13, t0.plusSeconds(3), false, "will"),
                full(button, 11, t0.plusSeconds(1), true, 80, "1.0"),
                status(bed, 4, t0.plusSeconds(4), true, "connect"),
                full(button, 12, t0.plusSeconds(2), true, 75, "1.1"),
                status(bed, 2, t0.plusSeconds(2), false, "shutdown"),
                status(camera, 2, t0.plusSeconds(5), false, "shutdown"),
                status(bed, 3, t0.plusSeconds(3), true, "connect")));

        assertEquals(List.of(IngestOutcome.STORED), outcomes.stream().distinct().toList(), "every status is stored");
        assertEquals(3, database.count("SELECT count(*) FROM device_status WHERE device_id = ?", button),
                "each message keeps its history row");

        DeviceState pressed = state(button);
        assertFalse(pressed.online(), "the newest of the batch (seq 13, arrived first) decides");
        assertEquals("will", pressed.offlineReason());
        assertEquals(Integer.valueOf(75), pressed.battery(), "the newest battery reading among the batch's statuses");
        assertEquals("1.1", pressed.firmware(), "a Last Will's own reports date from its connect: they fill no gap");
        assertTrue(hasStatusTs(button, t0.plusSeconds(3)));

        DeviceState back = state(bed);
        assertTrue(back.online(), "back online: the newest status of the batch is a connect");
        assertNull(back.offlineReason());
        assertTrue(back.changedAt().isAfter(bedWentOffline), "the change is dated");
        assertTrue(hasStatusTs(bed, t0.plusSeconds(4)));

        DeviceState cam = state(camera);
        assertTrue(cam.online(), "a status older than the stored one does not undo it");
        assertTrue(hasStatusTs(camera, t0.plusSeconds(10)));
    }

    @Test
    void aLastWillEndsItsConnectionUnlessTheDeviceConnectedAgainOrLeftCleanly() {
        World world = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String reported = bed(world, "reported-" + tag);
        String reconnected = bed(world, "reconnected-" + tag);
        String leftCleanly = bed(world, "left-" + tag);
        String oneBatch = bed(world, "one-batch-" + tag);
        String backInOneBatch = bed(world, "back-" + tag);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);

        ingest.accept(List.of(
                status(reported, 2, t0, true, "connect"), report(reported, 3, t0.plusSeconds(30), 60),
                status(reconnected, 2, t0, true, "connect"),
                status(reconnected, 5, t0.plusSeconds(60), true, "connect"),
                status(leftCleanly, 2, t0, true, "connect"),
                status(leftCleanly, 3, t0.plusSeconds(10), false, "shutdown"),
                status(oneBatch, 2, t0, true, "connect"), report(oneBatch, 3, t0.plusSeconds(30), 50),
                status(oneBatch, 1, t0, false, "will"),
                status(backInOneBatch, 2, t0, true, "connect"), status(backInOneBatch, 1, t0, false, "will"),
                status(backInOneBatch, 5, t0.plusSeconds(60), true, "connect")));
        assertEquals("will", state(oneBatch).offlineReason(),
                "connect, a report and the will of that connection in one batch: offline");
        assertTrue(state(backInOneBatch).online(), "a will of the connection before the batch's last connect: online");

        ingest.accept(List.of(status(reported, 1, t0, false, "will"), status(reconnected, 1, t0, false, "will"),
                status(leftCleanly, 1, t0, false, "will")));

        DeviceState gone = state(reported);
        assertFalse(gone.online(), "the will ends the connection although a report of it is newer than the will");
        assertEquals("will", gone.offlineReason());
        assertEquals(Integer.valueOf(60), gone.battery(), "the report's battery stays: the will's dates from connect");
        assertTrue(hasStatusTs(reported, t0.plusSeconds(30)), "the status time is the connection's latest");
        assertTrue(state(reconnected).online(), "a will of an earlier connection does not end the current one");
        assertEquals("shutdown", state(leftCleanly).offlineReason(), "a clean goodbye is not overwritten");

        ingest.accept(List.of(report(reported, 4, t0.plusSeconds(20), 40)));
        assertFalse(state(reported).online(), "a report of the ended connection delivered late does not revive it");
        ingest.accept(List.of(status(reported, 6, t0.plusSeconds(90), true, "connect")));
        assertTrue(state(reported).online(), "a new connection does");
    }

    private String bed(World world, String name) {
        return fixtures.device(world.tenant(), "bed-will-" + name, DeviceType.BED_SENSOR, world.elder().id())
                .device().id();
    }

    private static InboundMessage report(String deviceId, long seq, Instant ts, int battery) {
        return message(deviceId, Resources.template("payloads/ingest/status-full.json", "seq", Long.toString(seq),
                "ts", ts.toString(), "online", "true", "reason", "heartbeat", "battery", Integer.toString(battery),
                "firmware", "1.4.2"));
    }

    private DeviceState state(String deviceId) {
        Map<String, DeviceState> byId = states.findByDeviceIdIn(List.of(deviceId)).stream()
                .collect(Collectors.toMap(DeviceState::deviceId, Function.identity()));
        return byId.get(deviceId);
    }

    private boolean hasStatusTs(String deviceId, Instant ts) {
        return database.count("SELECT count(*) FROM device_state WHERE device_id = ? AND status_ts = ?", deviceId,
                java.sql.Timestamp.from(ts)) == 1;
    }

    private static InboundMessage status(String deviceId, long seq, Instant ts, boolean online, String reason) {
        return message(deviceId, Resources.template("payloads/city/status.json", "seq", Long.toString(seq),
                "ts", ts.toString(), "online", Boolean.toString(online), "reason", reason));
    }

    private static InboundMessage full(String deviceId, long seq, Instant ts, boolean online, int battery,
                                       String firmware) {
        return message(deviceId, Resources.template("payloads/ingest/status-full.json", "seq", Long.toString(seq),
                "ts", ts.toString(), "online", Boolean.toString(online), "reason", online ? "connect" : "will",
                "battery", Integer.toString(battery), "firmware", firmware));
    }

    private static InboundMessage message(String deviceId, String payload) {
        return new InboundMessage("smartcare/v1/devices/" + deviceId + "/status",
                payload.getBytes(StandardCharsets.UTF_8), Instant.now());
    }
}
