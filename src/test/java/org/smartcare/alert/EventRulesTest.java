package org.smartcare.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartcare.device.Device;
import org.smartcare.device.DeviceType;
import org.smartcare.device.EventType;

/** Each event rule, for the events it reads: when it must fire, with what, and when it must stay silent. */
class EventRulesTest {

    private static final AlertPolicy POLICY = new AlertPolicy(Duration.ofSeconds(60), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofSeconds(30), 20, 15);
    private static final OpeningHours NURSERY = new OpeningHours(LocalTime.of(7, 30), LocalTime.of(18, 0),
            ZoneId.of("Asia/Shanghai"));
    private static final List<EventRule> RULES = List.of(new SosPressRule(), new FallDetectedRule(),
            new ApneaRule(new FixedThresholds(AlertThresholds.defaults(POLICY))), new CameraTamperRule(), new RestrictedZoneMotionRule());

    @ParameterizedTest(name = "{0} {1} {2} at {3} -> {4} {5}")
    @CsvSource({
            "SOS_PRESS,              SOS_PRESS,              ,     2026-11-22T10:00:00+08:00, SOS,                    CRITICAL",
            "SOS_PRESS,              SOS_CANCEL,             ,     2026-11-22T10:00:00+08:00, ,",
            "FALL_DETECTED,          FALL_DETECTED,          ,     2026-11-22T10:00:00+08:00, FALL,                   CRITICAL",
            "FALL_DETECTED,          SOS_PRESS,              ,     2026-11-22T10:00:00+08:00, ,",
            "APNEA,                  APNEA,                  20,   2026-11-22T02:00:00+08:00, APNEA,                  HIGH",
            "APNEA,                  APNEA,                  19.9, 2026-11-22T02:00:00+08:00, ,",
            "APNEA,                  TURN,                   ,     2026-11-22T02:00:00+08:00, ,",
            "CAMERA_TAMPER,          TAMPER,                 ,     2026-11-22T10:00:00+08:00, CAMERA_TAMPER,          HIGH",
            "CAMERA_TAMPER,          RESTRICTED_ZONE_MOTION, ,     2026-11-22T10:00:00+08:00, ,",
            "RESTRICTED_ZONE_MOTION, RESTRICTED_ZONE_MOTION, ,     2026-11-22T03:00:00+08:00, RESTRICTED_ZONE_MOTION, HIGH",
            "RESTRICTED_ZONE_MOTION, RESTRICTED_ZONE_MOTION, ,     2026-11-22T07:29:59+08:00, RESTRICTED_ZONE_MOTION, HIGH",
            "RESTRICTED_ZONE_MOTION, RESTRICTED_ZONE_MOTION, ,     2026-11-22T07:30:00+08:00, ,",
            "RESTRICTED_ZONE_MOTION, RESTRICTED_ZONE_MOTION, ,     2026-11-22T17:59:59+08:00, ,",
            "RESTRICTED_ZONE_MOTION, RESTRICTED_ZONE_MOTION, ,     2026-11-22T18:00:00+08:00, RESTRICTED_ZONE_MOTION, HIGH"})
    void decides(RuleId rule, EventType event, Double durationS, String at, AlertKind kind, Severity severity) {
        EventRule subject = RULES.stream().filter(r -> r.id() == rule).findFirst().orElseThrow();
        Device device = new Device("dev-0001", "t", event.sentBy(), "S1", "dev-0001", 1L,
                event.sentBy() == DeviceType.NURSERY_CAMERA ? 7L : null, null, Instant.EPOCH, null);
        AlertTrigger trigger = new AlertTrigger(device, event, 1, java.time.OffsetDateTime.parse(at).toInstant(), null,
                durationS, null);
        Optional<EventRule.Raise> raise = subject.evaluate(trigger, NURSERY);
        assertEquals(kind == null ? Optional.empty() : Optional.of(new EventRule.Raise(kind, severity)), raise);
    }
}
