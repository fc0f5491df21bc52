package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** Counts and answer times of the alerts raised in a period. */
public record AlertStats(int total, List<Count> byKindAndSeverity, @Nullable Double medianSecondsToAcknowledge,
                         @Nullable Double p90SecondsToAcknowledge, @Nullable Double medianSecondsToResolve,
                         @Nullable Double p90SecondsToResolve, @Nullable Double acknowledgedWithinLimit) {

    /** Alerts of one kind and severity. */
    public record Count(AlertKind kind, Severity severity, int count) {
    }
}
