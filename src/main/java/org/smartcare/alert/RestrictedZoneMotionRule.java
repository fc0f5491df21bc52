package org.smartcare.alert;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.smartcare.device.EventType;

/** Motion in a restricted zone while the nursery is closed: high. During opening hours it is expected. */
@Singleton
public class RestrictedZoneMotionRule implements EventRule {

    @Override
    public RuleId id() {
        return RuleId.RESTRICTED_ZONE_MOTION;
    }

    @Override
    public Optional<Raise> evaluate(AlertTrigger trigger, OpeningHours hours) {
        boolean closed = hours == null || !hours.isOpenAt(trigger.occurredAt());
        return trigger.type() == EventType.RESTRICTED_ZONE_MOTION && closed
                ? Optional.of(new Raise(AlertKind.RESTRICTED_ZONE_MOTION, Severity.HIGH))
                : Optional.empty();
    }
}
