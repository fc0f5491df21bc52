package org.smartcare.alert;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.smartcare.device.EventType;

/** An SOS press is always critical: someone asked for help. */
@Singleton
public class SosPressRule implements EventRule {

    @Override
    public RuleId id() {
        return RuleId.SOS_PRESS;
    }

    @Override
    public Optional<Raise> evaluate(AlertTrigger trigger, OpeningHours hours) {
        return trigger.type() == EventType.SOS_PRESS
                ? Optional.of(new Raise(AlertKind.SOS, Severity.CRITICAL))
                : Optional.empty();
    }
}
