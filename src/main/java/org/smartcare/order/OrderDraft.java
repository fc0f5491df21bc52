package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;

/** An order about to be inserted, from a create request or a plan's day. */
record OrderDraft(
        String tenantId,
        ServiceType type,
        long elderId,
        long institutionId,
        Instant scheduledStart,
        Instant scheduledEnd,
        int standardMinutes,
        OrderOrigin origin,
        @Nullable Long alertId,
        @Nullable Long planId,
        @Nullable LocalDate planDate,
        long priceFen,
        long subsidyFen,
        @Nullable String idempotencyKey,
        Instant at) {

    static OrderDraft of(NewOrder order, int standardMinutes, Instant at) {
        return new OrderDraft(order.tenantId(), order.type(), order.elderId(), order.institutionId(),
                order.scheduledStart(), order.scheduledEnd(), standardMinutes, order.origin(), order.alertId(), null,
                null, order.priceFen(), order.subsidyFen(), order.idempotencyKey(), at);
    }

    static OrderDraft of(ServicePlan plan, LocalDate day, Instant start, int standardMinutes, Instant at) {
        return new OrderDraft(plan.tenantId(), plan.type(), plan.elderId(), plan.institutionId(), start,
                start.plusSeconds(plan.durationMinutes() * 60L), standardMinutes, OrderOrigin.PLANNED, null, plan.id(),
                day, plan.priceFen(), plan.subsidyFen(), null, at);
    }
}
