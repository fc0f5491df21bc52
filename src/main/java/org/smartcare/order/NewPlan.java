package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A request to start a recurring plan. {@code durationMinutes} null means the type's standard duration in the
 * tenant. A create carrying an idempotency key already used in the tenant returns that key's plan when the
 * request is the same, and is refused with IDEMPOTENCY_CONFLICT when it is not.
 */
public record NewPlan(
        String tenantId,
        long elderId,
        long institutionId,
        ServiceType type,
        Recurrence recurrence,
        LocalTime timeOfDay,
        @Nullable Integer durationMinutes,
        long priceFen,
        long subsidyFen,
        LocalDate startsOn,
        @Nullable LocalDate endsOn,
        @Nullable String idempotencyKey) {

    public NewPlan {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recurrence, "recurrence");
        Objects.requireNonNull(timeOfDay, "timeOfDay");
        Objects.requireNonNull(startsOn, "startsOn");
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > NewOrder.MAX_KEY_LENGTH)) {
            throw new IllegalArgumentException("idempotency key must be 1-" + NewOrder.MAX_KEY_LENGTH + " characters");
        }
    }

    ServicePlan toPlan(int standardMinutes) {
        return new ServicePlan(null, tenantId, elderId, institutionId, type, recurrence.format(), timeOfDay,
                durationMinutes == null ? standardMinutes : durationMinutes, priceFen, subsidyFen, startsOn, endsOn,
                true, null, null, idempotencyKey, null, null);
    }

    /** Whether an existing plan is what this request would have created. */
    boolean sameAs(ServicePlan plan, int standardMinutes) {
        ServicePlan wanted = toPlan(standardMinutes);
        return plan.tenantId().equals(tenantId) && plan.elderId() == elderId && plan.institutionId() == institutionId
                && plan.type() == type && plan.rule().equals(wanted.rule()) && plan.timeOfDay().equals(timeOfDay)
                && plan.durationMinutes() == wanted.durationMinutes() && plan.priceFen() == priceFen
                && plan.subsidyFen() == subsidyFen && plan.startsOn().equals(startsOn)
                && Objects.equals(plan.endsOn(), endsOn);
    }
}
