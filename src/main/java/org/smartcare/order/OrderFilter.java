package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Set;

/** Narrows an order list; every given field must match. Empty sets and nulls match anything. */
public record OrderFilter(
        Set<OrderState> states,
        Set<ServiceType> types,
        Set<OrderOrigin> origins,
        @Nullable Long elderId,
        @Nullable Long institutionId,
        @Nullable Long caregiverId,
        @Nullable Long alertId,
        @Nullable Instant scheduledFrom,
        @Nullable Instant scheduledTo,
        @Nullable Boolean anomalous,
        @Nullable String regionCode) {

    public static final OrderFilter ANY = new OrderFilter(Set.of(), Set.of(), Set.of(), null, null, null, null, null,
            null, null, null);

    public OrderFilter {
        states = Set.copyOf(states);
        types = Set.copyOf(types);
        origins = Set.copyOf(origins);
        if (regionCode != null) {
            RegionCodes.prefix(regionCode);
        }
    }
}
