package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** An alert about to be raised, with the event that triggers it. */
record NewAlert(
        RuleId rule,
        String tenantId,
        AlertKind kind,
        Severity severity,
        String deviceId,
        @Nullable Long elderId,
        @Nullable Long institutionId,
        @Nullable String regionCode,
        Instant occurredAt,
        long seq,
        @Nullable Double latitude,
        @Nullable Double longitude) {
}
