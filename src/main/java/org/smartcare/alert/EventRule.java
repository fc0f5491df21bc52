package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/** A rule that raises an alert from a single device event. */
public interface EventRule {

    RuleId id();

    /** {@code hours}: the opening hours of the device's institution, when it has one. */
    Optional<Raise> evaluate(AlertTrigger trigger, @Nullable OpeningHours hours);

    /** What a rule decided to raise. */
    record Raise(AlertKind kind, Severity severity) {
    }
}
