package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;

/** Which orders a reader may see: all (both null), one tenant's, or one provider institution's within it. */
public record OrderScope(@Nullable String tenantId, @Nullable Long institutionId) {

    public static final OrderScope EVERYTHING = new OrderScope(null, null);

    public OrderScope {
        if (institutionId != null && tenantId == null) {
            throw new IllegalArgumentException("an institution scope needs its tenant");
        }
    }

    public boolean includes(ServiceOrder order) {
        return covers(order.tenantId(), order.institutionId());
    }

    /** A plan is read like the orders it makes. */
    public boolean includes(ServicePlan plan) {
        return covers(plan.tenantId(), plan.institutionId());
    }

    private boolean covers(String tenant, long institution) {
        return (tenantId == null || tenantId.equals(tenant)) && (institutionId == null || institutionId == institution);
    }
}
