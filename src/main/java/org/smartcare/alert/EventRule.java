package org.smartcare.alert;

import java.util.Optional;

/** A rule that raises an alert from a single device event. */
public interface EventRule {

    RuleId id();

    Optional<Raise> evaluate(AlertTrigger trigger);

    /** What a rule decided to raise. */
    record Raise(AlertKind kind, Severity severity) {
    }
}
