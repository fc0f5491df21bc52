package org.smartcare.alert;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.smartcare.device.EventType;

/** Breathing stopped for the device's apnea threshold or longer (20 s by default): high. */
@Singleton
public class ApneaRule implements EventRule {

    private final ThresholdLookup thresholds;

    ApneaRule(ThresholdLookup thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public RuleId id() {
        return RuleId.APNEA;
    }

    @Override
    public Optional<Raise> evaluate(AlertTrigger trigger, OpeningHours hours) {
        return trigger.type() == EventType.APNEA && trigger.durationS() != null
                && trigger.durationS() >= thresholds.forDevice(trigger.device()).apneaSeconds()
                ? Optional.of(new Raise(AlertKind.APNEA, Severity.HIGH))
                : Optional.empty();
    }
}
