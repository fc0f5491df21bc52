package org.smartcare.order;

import java.time.Instant;

/** Where a keyset page of orders (newest scheduled first) continues: after this order. */
public record OrderPosition(Instant scheduledStart, long id) {

    public static OrderPosition of(ServiceOrder order) {
        return new OrderPosition(order.scheduledStart(), order.id());
    }
}
