package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to create an order. A create carrying an idempotency key already used in the tenant returns
 * the order that key made (when the request is the same) instead of a second order.
 */
public record NewOrder(
        String tenantId,
        ServiceType type,
        long elderId,
        long institutionId,
        Instant scheduledStart,
        Instant scheduledEnd,
        OrderOrigin origin,
        @Nullable Long alertId,
        long priceFen,
        long subsidyFen,
        @Nullable String idempotencyKey) {

    static final int MAX_KEY_LENGTH = 200;

    public NewOrder {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(origin, "origin");
        if (scheduledStart == null || scheduledEnd == null || !scheduledEnd.isAfter(scheduledStart)) {
            throw new IllegalArgumentException("the scheduled window must end after it starts");
        }
        if ((origin == OrderOrigin.ALERT) != (alertId != null)) {
            throw new IllegalArgumentException("an order comes from an alert exactly when it names the alert");
        }
        if (priceFen < 0 || subsidyFen < 0 || subsidyFen > priceFen) {
            throw new IllegalArgumentException("price and subsidy must be >= 0 and subsidy <= price (fen)");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw new IllegalArgumentException("idempotency key must be 1-" + MAX_KEY_LENGTH + " characters");
        }
    }

    /**
     * An order dispatched from an alert (e.g. 助急 after an SOS). Its key makes a repeated dispatch of the same
     * type for the same alert return the first order.
     */
    public static NewOrder fromAlert(String tenantId, long alertId, ServiceType type, long elderId,
                                     long institutionId, Instant start, Instant end) {
        return new NewOrder(tenantId, type, elderId, institutionId, start, end, OrderOrigin.ALERT, alertId, 0, 0,
                "alert:" + alertId + ":" + type.name());
    }

    /** Whether an existing order is what this request would have created (same key, same content). */
    boolean sameAs(ServiceOrder order) {
        return order.tenantId().equals(tenantId) && order.type() == type && order.elderId() == elderId
                && order.institutionId() == institutionId && order.scheduledStart().equals(scheduledStart)
                && order.scheduledEnd().equals(scheduledEnd) && order.origin() == origin
                && Objects.equals(order.alertId(), alertId) && order.priceFen() == priceFen
                && order.subsidyFen() == subsidyFen;
    }
}
