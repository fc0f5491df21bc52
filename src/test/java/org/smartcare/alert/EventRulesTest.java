package org.smartcare.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartcare.device.Device;
import org.smartcare.device.DeviceType;
import org.smartcare.device.EventType;

/** Each event rule, for every event type: when it must fire, with what, and when it must stay silent. */
class EventRulesTest {

    private static final Device BUTTON = new Device("btn-0001", "t", DeviceType.SOS_BUTTON, "S1", "btn-0001",
            1L, null, null, Instant.EPOCH, null);

    @ParameterizedTest
    @CsvSource({
            "SOS_PRESS,     SOS_PRESS,     SOS,  CRITICAL",
            "SOS_PRESS,     SOS_CANCEL,    ,",
            "SOS_PRESS,     FALL_DETECTED, ,",
            "FALL_DETECTED, FALL_DETECTED, FALL, CRITICAL",
            "FALL_DETECTED, SOS_PRESS,     ,",
            "FALL_DETECTED, SOS_CANCEL,    ,"})
    void decides(RuleId rule, EventType event, AlertKind kind, Severity severity) {
        EventRule subject = switch (rule) {
            case SOS_PRESS -> new SosPressRule();
            case FALL_DETECTED -> new FallDetectedRule();
        };
        Optional<EventRule.Raise> raise = subject.evaluate(new AlertTrigger(BUTTON, event, 1, Instant.now(), null));
        assertEquals(kind == null ? Optional.empty() : Optional.of(new EventRule.Raise(kind, severity)), raise);
        assertEquals(rule, subject.id());
    }
}
