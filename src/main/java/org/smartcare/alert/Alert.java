package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An alert and the event that raised it; one alert per (device, kind, triggering event). */
@MappedEntity("alert")
public record Alert(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
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
        @Nullable Instant resolvedAt) {
}
