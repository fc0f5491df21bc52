package org.smartcare.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.order.Caregiver;
import org.smartcare.order.CaregiverLocations;
import org.smartcare.order.LocationFix;
import org.smartcare.order.TrackWindow;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.Resources;

/**
 * Caregivers' phones: fixes land once in the caregiver's track; a phone linked to nobody adds nothing. The waits are
 * generous because a test instance also receives every other publisher's traffic (its own share group).
 */
@MicronautTest(environments = "test", transactional = false)
class CaregiverPhoneIngestIT {

    @Inject Fixtures fixtures;
    @Inject Database database;
    @Inject CaregiverLocations locations;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void aPhonesFixesBecomeItsCaregiversTrackOnce() throws Exception {
        World world = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        IssuedDevice phone = fixtures.device(world.tenant(), "phone-" + tag, DeviceType.CAREGIVER_PHONE, null);
        IssuedDevice spare = fixtures.device(world.tenant(), "phone-spare-" + tag, DeviceType.CAREGIVER_PHONE, null);
        Caregiver caregiver = fixtures.caregiver(world.tenant(), world.institution().id(), "吴护理" + tag,
                phone.device().id());
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        try (DeviceClient client = new DeviceClient(broker, phone.device().id(), phone.secret());
             DeviceClient unlinked = new DeviceClient(broker, spare.device().id(), spare.secret())) {
            for (int i = 0; i < 3; i++) {
                assertEquals(0, client.publish(client.topic("telemetry"), fix(i, start.plusSeconds(30L * i), "42")));
            }
            client.publish(client.topic("telemetry"), fix(2, start.plusSeconds(60), "42")); // redelivered
            client.publish(client.topic("telemetry"), Resources.template("payloads/phone/location-without-lon.json",
                    "seq", "9", "ts", start.toString()).getBytes(StandardCharsets.UTF_8));
            unlinked.publish(unlinked.topic("telemetry"), fix(1, start, "7"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> database.deadLetters(
                "smartcare/v1/devices/" + phone.device().id() + "/telemetry", "SCHEMA_VIOLATION") == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> database.count(
                "SELECT count(*) FROM caregiver_location WHERE caregiver_id = ?", caregiver.id()) == 3);
        assertEquals(0, database.count("SELECT count(*) FROM caregiver_location WHERE device_id = ?",
                spare.device().id()));
        assertEquals(3, database.count("SELECT count(*) FROM caregiver_location WHERE order_id = 42 AND device_id = ?",
                phone.device().id()));

        List<LocationFix> track = locations.tracks(List.of(new TrackWindow(1, caregiver.id(), start,
                start.plusSeconds(60)))).get(1L);
        assertEquals(3, track.size());
        assertEquals(8.5, track.getFirst().accuracyM());
        assertEquals(31.69 + 0.001, track.get(1).position().latitude(), 1e-9);
    }

    private static byte[] fix(int i, Instant ts, String order) {
        return Resources.template("payloads/phone/location.json", "seq", Integer.toString(i), "ts", ts.toString(),
                "lat", Double.toString(31.69 + 0.001 * i), "lon", "113.38", "order", order)
                .getBytes(StandardCharsets.UTF_8);
    }
}
