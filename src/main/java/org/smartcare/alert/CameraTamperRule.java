package org.smartcare.alert;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.smartcare.device.EventType;

/** A covered, moved or defocused nursery camera is high: children may be unwatched. */
@Singleton
public class CameraTamperRule implements EventRule {

    @Override
    public RuleId id() {
        return RuleId.CAMERA_TAMPER;
    }

    @Override
    public Optional<Raise> evaluate(AlertTrigger trigger, OpeningHours hours) {
        return trigger.type() == EventType.TAMPER
                ? Optional.of(new Raise(AlertKind.CAMERA_TAMPER, Severity.HIGH))
                : Optional.empty();
    }
}
