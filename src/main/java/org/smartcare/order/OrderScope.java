package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/**
 * Which orders a reader may see: all (all null), one tenant's, one provider institution's within it, or, for
 * family members and partners, only those of the given elders within the tenant (an empty set: none).
 */
public record OrderScope(@Nullable String tenantId, @Nullable Long institutionId, @Nullable Set<Long> elderIds) {

    public static final OrderScope EVERYTHING = new OrderScope(null, null, null);

    public OrderScope {
        if ((institutionId != null || elderIds != null) && tenantId == null) {
            throw new IllegalArgumentException("an institution or elder scope needs its tenant");
        }
        elderIds = elderIds == null ? null : Set.copyOf(elderIds);
    }

    public OrderScope(@Nullable String tenantId, @Nullable Long institutionId) {
        this(tenantId, institutionId, null);
    }

    public boolean includes(ServiceOrder order) {
        return covers(order.tenantId(), order.institutionId(), order.elderId());
    }

    /** A plan is read like the orders it makes. */
    public boolean includes(ServicePlan plan) {
        return covers(plan.tenantId(), plan.institutionId(), plan.elderId());
    }

    /** The elders as a bigint[] parameter, or null when the scope is not limited to elders. */
    @Nullable
    public Long[] elderArray() {
        return elderIds == null ? null : elderIds.toArray(Long[]::new);
    }

    private boolean covers(String tenant, long institution, Long elder) {
        return (tenantId == null || tenantId.equals(tenant)) && (institutionId == null || institutionId == institution)
                && (elderIds == null || elder != null && elderIds.contains(elder));
    }
}
