package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * An alert: what raised it, who it concerns, and where it is in the workflow. While unresolved it is the
 * one alert of its (device, rule): repeats fold into it.
 */
@MappedEntity("alert")
public record Alert(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        RuleId rule,
        AlertKind kind,
        Severity severity,
        AlertStatus status,
        String deviceId,
        @Nullable Long elderId,
        @Nullable Long institutionId,
        @Nullable String regionCode,
        Instant raisedAt,
        Instant sourceEventTs,
        long sourceEventSeq,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant resolvedAt,
        int occurrences,
        Instant lastSeenAt,
        @Nullable Instant clearedAt,
        @Nullable Instant ackDeadline,
        @Nullable Instant escalatedAt,
        @Nullable Instant dispatchedAt,
        @Nullable Outcome outcome,
        int version) {
}
