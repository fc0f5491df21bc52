package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Set;

/** Narrows alert lists and feeds; an empty set or null bound means "any". */
public record AlertFilter(
        Set<AlertStatus> statuses,
        Set<Severity> severities,
        Set<AlertKind> kinds,
        @Nullable Instant raisedFrom,
        @Nullable Instant raisedTo,
        @Nullable String regionPrefix,
        @Nullable Long institutionId,
        @Nullable Long elderId) {

    public static final AlertFilter ANY = new AlertFilter(Set.of(), Set.of(), Set.of(), null, null, null, null, null);

    public AlertFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        if (raisedFrom != null && raisedTo != null && !raisedFrom.isBefore(raisedTo)) {
            throw new IllegalArgumentException("raisedFrom must be before raisedTo");
        }
    }

    public boolean matches(Alert alert) {
        return (statuses.isEmpty() || statuses.contains(alert.status()))
                && (severities.isEmpty() || severities.contains(alert.severity()))
                && (kinds.isEmpty() || kinds.contains(alert.kind()))
                && (raisedFrom == null || !alert.raisedAt().isBefore(raisedFrom))
                && (raisedTo == null || alert.raisedAt().isBefore(raisedTo))
                && (regionPrefix == null || (alert.regionCode() != null && alert.regionCode().startsWith(regionPrefix)))
                && (institutionId == null || institutionId.equals(alert.institutionId()))
                && (elderId == null || elderId.equals(alert.elderId()));
    }
}
