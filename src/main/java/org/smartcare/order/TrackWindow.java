package org.smartcare.order;

import java.time.Instant;

/** The part of a caregiver's track that belongs to one order: from setting off (or check-in) to check-out or now. */
public record TrackWindow(long orderId, long caregiverId, Instant from, Instant to) {

    /** The window of a checked-in order, or null before check-in. */
    public static TrackWindow of(ServiceOrder order, Instant now) {
        if (order.caregiverId() == null || order.checkInAt() == null) {
            return null;
        }
        Instant from = order.travelStartedAt() != null && order.travelStartedAt().isBefore(order.checkInAt())
                ? order.travelStartedAt() : order.checkInAt();
        Instant to = order.checkOutAt() != null ? order.checkOutAt() : now.isAfter(from) ? now : from;
        return new TrackWindow(order.id(), order.caregiverId(), from, to);
    }
}
