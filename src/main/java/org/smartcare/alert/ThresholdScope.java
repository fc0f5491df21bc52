package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;

/** Where a threshold override applies: a whole tenant, one of its institutions, or one of its elders. */
public record ThresholdScope(String tenantId, @Nullable Long institutionId, @Nullable Long elderId) {

    public ThresholdScope {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("a threshold scope needs a tenant");
        }
        if (institutionId != null && elderId != null) {
            throw new IllegalArgumentException("a threshold scope is a tenant, an institution or an elder, not both");
        }
    }

    public static ThresholdScope tenant(String tenantId) {
        return new ThresholdScope(tenantId, null, null);
    }

    public static ThresholdScope institution(String tenantId, long institutionId) {
        return new ThresholdScope(tenantId, institutionId, null);
    }

    public static ThresholdScope elder(String tenantId, long elderId) {
        return new ThresholdScope(tenantId, null, elderId);
    }
}
