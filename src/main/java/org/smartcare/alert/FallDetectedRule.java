package org.smartcare.alert;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.smartcare.device.EventType;

/** A detected fall is critical: the elder may not be able to press the button. */
@Singleton
public class FallDetectedRule implements EventRule {

    @Override
    public RuleId id() {
        return RuleId.FALL_DETECTED;
    }

    @Override
    public Optional<Raise> evaluate(AlertTrigger trigger, OpeningHours hours) {
        return trigger.type() == EventType.FALL_DETECTED
                ? Optional.of(new Raise(AlertKind.FALL, Severity.CRITICAL))
                : Optional.empty();
    }
}
