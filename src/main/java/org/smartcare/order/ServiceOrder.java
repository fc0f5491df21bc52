package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A service order (工单), the aggregate that guards its own lifecycle: every move goes through a method here
 * that refuses what the state does not allow with an {@link OrderFailure}. Immutable: a move returns the
 * order as it is afterwards, and {@link ServiceOrders} stores it together with the history entry.
 */
@MappedEntity("service_order")
public record ServiceOrder(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        ServiceType type,
        long elderId,
        long institutionId,
        @Nullable Long caregiverId,
        Instant scheduledStart,
        Instant scheduledEnd,
        int standardMinutes,
        OrderOrigin origin,
        @Nullable Long alertId,
        @Nullable Long planId,
        @Nullable LocalDate planDate,
        long priceFen,
        long subsidyFen,
        OrderState state,
        @Nullable Instant travelStartedAt,
        @Nullable Instant checkInAt,
        @Nullable Double checkInLatitude,
        @Nullable Double checkInLongitude,
        @Nullable Instant checkOutAt,
        @Nullable Double checkOutLatitude,
        @Nullable Double checkOutLongitude,
        @Nullable String idempotencyKey,
        Instant createdAt,
        Instant updatedAt) {

    public ServiceOrder {
        if (!scheduledEnd.isAfter(scheduledStart)) {
            throw new IllegalArgumentException("scheduled window must end after it starts");
        }
        if (standardMinutes < 1) {
            throw new IllegalArgumentException("standard duration must be positive");
        }
    }

    /** The type's standard duration when the order was made. */
    public Duration standard() {
        return Duration.ofMinutes(standardMinutes);
    }

    public @Nullable Position checkInPosition() {
        return checkInLatitude == null || checkInLongitude == null ? null
                : new Position(checkInLatitude, checkInLongitude);
    }

    public @Nullable Position checkOutPosition() {
        return checkOutLatitude == null || checkOutLongitude == null ? null
                : new Position(checkOutLatitude, checkOutLongitude);
    }

    /** Time between check-in and check-out, or null before check-out. */
    public @Nullable Duration timeInService() {
        return checkInAt == null || checkOutAt == null ? null : Duration.between(checkInAt, checkOutAt);
    }

    /** The money the elder pays: price less subsidy, in fen. */
    public long payableFen() {
        return priceFen - subsidyFen;
    }

    /** CREATED -> ASSIGNED, or a reassignment while ASSIGNED. */
    public ServiceOrder assign(long caregiver, Instant at) {
        require(OrderState.ASSIGNED);
        return moved(OrderState.ASSIGNED, at, caregiver, travelStartedAt, null, null);
    }

    /** ASSIGNED -> EN_ROUTE: the caregiver sets off. */
    public ServiceOrder startTravel(Instant at) {
        require(OrderState.EN_ROUTE);
        return moved(OrderState.EN_ROUTE, at, caregiverId, at, null, null);
    }

    /** EN_ROUTE -> IN_SERVICE: GPS check-in at the elder's home. */
    public ServiceOrder checkIn(LocationFix fix) {
        // The fix's time is the phone's; it is not checked against travelStartedAt (server time), since a
        // phone that was offline reports both late.
        require(OrderState.IN_SERVICE);
        return moved(OrderState.IN_SERVICE, fix.at(), caregiverId, travelStartedAt, fix, null);
    }

    /** IN_SERVICE -> COMPLETED: GPS check-out. */
    public ServiceOrder checkOut(LocationFix fix) {
        require(OrderState.COMPLETED);
        if (fix.at().isBefore(checkInAt)) {
            throw OrderFailure.invalid("check-out at " + fix.at() + " is before check-in at " + checkInAt);
        }
        LocationFix in = new LocationFix(checkInAt, checkInPosition(), null);
        return moved(OrderState.COMPLETED, fix.at(), caregiverId, travelStartedAt, in, fix);
    }

    /** CREATED, ASSIGNED or EN_ROUTE -> CANCELLED. */
    public ServiceOrder cancel(Instant at) {
        require(OrderState.CANCELLED);
        return moved(OrderState.CANCELLED, at, caregiverId, travelStartedAt, null, null);
    }

    /** COMPLETED -> RATED. The rating itself is stored beside the order. */
    public ServiceOrder rate(Instant at) {
        require(OrderState.RATED);
        LocationFix in = new LocationFix(checkInAt, checkInPosition(), null);
        LocationFix out = new LocationFix(checkOutAt, checkOutPosition(), null);
        return moved(OrderState.RATED, at, caregiverId, travelStartedAt, in, out);
    }

    private void require(OrderState next) {
        if (!state.canMoveTo(next)) {
            throw OrderFailure.illegalTransition(id, state, next);
        }
    }

    private ServiceOrder moved(OrderState next, Instant at, Long caregiver, Instant travel,
                               LocationFix in, LocationFix out) {
        return new ServiceOrder(id, tenantId, type, elderId, institutionId, caregiver, scheduledStart, scheduledEnd,
                standardMinutes, origin, alertId, planId, planDate, priceFen, subsidyFen, next, travel,
                in == null ? null : in.at(),
                in == null ? null : in.position().latitude(),
                in == null ? null : in.position().longitude(),
                out == null ? null : out.at(),
                out == null ? null : out.position().latitude(),
                out == null ? null : out.position().longitude(),
                idempotencyKey, createdAt, at);
    }
}
