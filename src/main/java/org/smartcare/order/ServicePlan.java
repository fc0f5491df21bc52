package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A recurring service for one elder, e.g. a meal every weekday at 11:30 or a monthly visit to an elder in
 * special hardship. Generation makes at most one order per plan and day (see {@link ServiceOrders}).
 */
@MappedEntity("service_plan")
public record ServicePlan(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        long elderId,
        long institutionId,
        ServiceType type,
        String rule,
        LocalTime timeOfDay,
        int durationMinutes,
        long priceFen,
        long subsidyFen,
        LocalDate startsOn,
        @Nullable LocalDate endsOn,
        boolean active,
        @Nullable LocalDate lastGeneratedOn,
        @Nullable Instant createdAt,
        @Nullable String idempotencyKey,
        @Nullable String endedReason,
        @Nullable String endedBy) {

    public ServicePlan {
        rule = Recurrence.parse(rule).format();
        if (durationMinutes < 1 || durationMinutes > 1440) {
            throw new IllegalArgumentException("a planned service lasts 1 to 1440 minutes");
        }
        if (priceFen < 0 || subsidyFen < 0 || subsidyFen > priceFen) {
            throw new IllegalArgumentException("price and subsidy must be >= 0 and subsidy <= price (fen)");
        }
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("a plan must not end before it starts");
        }
        createdAt = createdAt == null ? Instant.now() : createdAt;
    }

    /** A new, active plan. */
    public static ServicePlan of(String tenantId, long elderId, long institutionId, ServiceType type,
                                 Recurrence rule, LocalTime timeOfDay, int durationMinutes, LocalDate startsOn) {
        return new ServicePlan(null, tenantId, elderId, institutionId, type, rule.format(), timeOfDay,
                durationMinutes, 0, 0, startsOn, null, true, null, null, null, null, null);
    }

    /**
     * The plan without any service after {@code lastDay}. An ended plan generates nothing more; when it ends
     * before its first day the stored end is that first day (the table keeps ends_on >= starts_on).
     */
    ServicePlan end(LocalDate lastDay, @Nullable String reason, Actor actor) {
        LocalDate last = endsOn != null && endsOn.isBefore(lastDay) ? endsOn : lastDay;
        return new ServicePlan(id, tenantId, elderId, institutionId, type, rule, timeOfDay, durationMinutes, priceFen,
                subsidyFen, startsOn, last.isBefore(startsOn) ? startsOn : last, false, lastGeneratedOn, createdAt,
                idempotencyKey, reason == null || reason.isBlank() ? null : reason.strip(), actor.id());
    }

    public Recurrence recurrence() {
        return Recurrence.parse(rule);
    }

    /** Whether the plan calls for a service on that day. */
    public boolean fallsOn(LocalDate day) {
        return active && !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn)) && recurrence().occursOn(day);
    }
}
