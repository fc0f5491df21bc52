package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/**
 * Which alerts a caller may see: all (all null), one tenant's, one institution's within it, or, for family
 * members and partners, only those of the given elders within the tenant (an empty set: none).
 */
public record AlertScope(@Nullable String tenantId, @Nullable Long institutionId, @Nullable Set<Long> elderIds) {

    public static final AlertScope EVERYTHING = new AlertScope(null, null, null);

    public AlertScope {
        if ((institutionId != null || elderIds != null) && tenantId == null) {
            throw new IllegalArgumentException("an institution or elder scope needs its tenant");
        }
        elderIds = elderIds == null ? null : Set.copyOf(elderIds);
    }

    public AlertScope(@Nullable String tenantId, @Nullable Long institutionId) {
        this(tenantId, institutionId, null);
    }

    public boolean includes(Alert alert) {
        return (tenantId == null || tenantId.equals(alert.tenantId()))
                && (institutionId == null || institutionId.equals(alert.institutionId()))
                && (elderIds == null || alert.elderId() != null && elderIds.contains(alert.elderId()));
    }

    /** The elders as a bigint[] parameter, or null when the scope is not limited to elders. */
    @Nullable
    public Long[] elderArray() {
        return elderIds == null ? null : elderIds.toArray(Long[]::new);
    }
}
