package org.smartcare.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.graphql.GlobalId;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.BedTimeline;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.Payloads;

/**
 * Thresholds set over GraphQL change what the rules decide for samples published to the real broker: a
 * tenant's override loosens the heart-rate band, an elder's tightens it again and wins; invalid values and
 * other roles are refused in the payload.
 */
@MicronautTest(environments = "test", transactional = false)
class AlertThresholdsIT {

    private static final String DOCUMENT = "alert-thresholds.graphql";

    @Inject Fixtures fixtures;
    @Inject Database database;
    @Inject Api api;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void theMostSpecificOverrideDecidesWhatTheSamplesRaise() throws Exception {
        World world = fixtures.world();
        String admin = api.token(Role.ADMIN, null);
        Map<String, Object> tenant = Map.of("tenant", world.tenant());
        Map<String, Object> elder = Map.of("tenant", world.tenant(), "elder", GlobalId.encode("Elder", world.elder().id()));
        JsonNode set = Payloads.ok(api.operation(admin, DOCUMENT, "Set", Map.of("scope", tenant,
                "values", Map.of("heartRateHighAbove", 125, "ackHighSeconds", 600))), "setAlertThresholds");
        assertEquals(125, set.at("/thresholds/effective/heartRateHighAbove").asInt());
        assertEquals(45, set.at("/thresholds/effective/heartRateHighBelow").asInt(), "the rest inherited");
        assertTrue(set.at("/thresholds/override/lowBatteryPercent").isNull(), set.toString());

        IssuedDevice bed = fixtures.device(world.tenant(), "bed-" + UUID.randomUUID().toString().substring(0, 8),
                DeviceType.BED_SENSOR, world.elder().id());
        String id = bed.device().id();
        Instant start = Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.SECONDS);
        publish(bed, BedTimeline.from(start).inBed(80, 120, 14).inBed(5, 70, 14), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "SELECT count(*) FROM bed_vitals_samples WHERE device_id = ?", id) == 85);
        Thread.sleep(500);
        assertEquals(0, database.alertsOf(id), "120/min is under the tenant's 125");

        Payloads.ok(api.operation(admin, DOCUMENT, "Set", Map.of("scope", elder,
                "values", Map.of("heartRateHighAbove", 110))), "setAlertThresholds");
        JsonNode read = api.operation(api.token(Role.OPERATOR, world.tenant()), DOCUMENT, "Read", Map.of("scope", elder));
        assertEquals(110, read.at("/data/alertThresholds/effective/heartRateHighAbove").asInt(), read.toString());
        assertEquals(600, read.at("/data/alertThresholds/effective/ackHighSeconds").asInt(), "tenant's, inherited");
        publish(bed, BedTimeline.from(start.plusSeconds(600)).inBed(80, 120, 14), 20);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "SELECT count(*) FROM alert WHERE device_id = ? AND rule = 'HEART_RATE_HIGH'", id) == 1);
        assertEquals(600, database.count("SELECT extract(epoch FROM ack_deadline - raised_at)::bigint FROM alert"
                + " WHERE device_id = ?", id), "the tenant's escalation limit");
    }

    @Test
    void refusalsComeBackInThePayload() {
        World world = fixtures.world();
        World other = fixtures.world();
        String admin = api.token(Role.ADMIN, null);
        Map<String, Object> tenant = Map.of("tenant", world.tenant());
        JsonNode bands = api.operation(admin, DOCUMENT, "Set", Map.of("scope", tenant,
                "values", Map.of("heartRateHighBelow", 60)));
        assertEquals("INVALID_VALUES", Payloads.error(bands, "setAlertThresholds"));
        assertTrue(bands.at("/data/setAlertThresholds/error/problems/0").asText().contains("heart rate"), bands.toString());
        JsonNode range = api.operation(admin, DOCUMENT, "Set", Map.of("scope", tenant,
                "values", Map.of("lowBatteryPercent", 150)));
        assertTrue(range.at("/data/setAlertThresholds/error/problems/0").asText().contains("lowBatteryPercent"),
                range.toString());
        assertEquals("FORBIDDEN", Payloads.error(api.operation(api.token(Role.OPERATOR, world.tenant()), DOCUMENT, "Set",
                Map.of("scope", tenant, "values", Map.of("lowBatteryPercent", 20))), "setAlertThresholds"));
        assertEquals("NOT_FOUND", Payloads.error(api.operation(admin, DOCUMENT, "Set", Map.of("scope",
                Map.of("tenant", world.tenant(), "elder", GlobalId.encode("Elder", other.elder().id())),
                "values", Map.of("lowBatteryPercent", 20))), "setAlertThresholds"), "another tenant's elder");
        JsonNode foreign = api.operation(api.token(Role.OPERATOR, other.tenant()), DOCUMENT, "Read", Map.of("scope", tenant));
        assertEquals("FORBIDDEN", foreign.at("/errors/0/extensions/code").asText(), foreign.toString());
        Map<String, Object> elder = Map.of("elder", GlobalId.encode("Elder", world.elder().id()));
        Payloads.ok(api.operation(admin, DOCUMENT, "Set", Map.of("scope", elder,
                "values", Map.of("heartRateMediumBelow", 60))), "setAlertThresholds");
        JsonNode breaksElder = api.operation(admin, DOCUMENT, "Set", Map.of("scope", tenant,
                "values", Map.of("heartRateMediumAbove", 58)));
        assertEquals("INVALID_VALUES", Payloads.error(breaksElder, "setAlertThresholds"), "fine for the tenant, "
                + "not for its elder whose abnormal band would start above where it ends");
        assertTrue(breaksElder.at("/data/setAlertThresholds/error/problems/0").asText().startsWith("elder "),
                breaksElder.toString());
        JsonNode untouched = api.operation(admin, DOCUMENT, "Read", Map.of("scope", tenant));
        assertEquals(15, untouched.at("/data/alertThresholds/effective/lowBatteryPercent").asInt(), untouched.toString());
    }

    private void publish(IssuedDevice bed, BedTimeline timeline, long firstSeq) throws Exception {
        try (DeviceClient sensor = new DeviceClient(broker, bed.device().id(), bed.secret())) {
            for (byte[] message : timeline.messages(firstSeq)) {
                sensor.publish(sensor.topic("telemetry"), message);
            }
        }
    }
}
