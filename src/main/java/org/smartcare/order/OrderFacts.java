package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the anomaly rules see of one order: the order, the elder's home, the caregiver's other checked-in
 * orders around it, the caregiver's track during it, and the moment of evaluation.
 */
public record OrderFacts(
        ServiceOrder order,
        @Nullable Position home,
        List<ServiceOrder> caregiverOrders,
        List<LocationFix> track,
        Instant now) {

    public OrderFacts {
        caregiverOrders = List.copyOf(caregiverOrders);
        track = track.stream().sorted(Comparator.comparing(LocationFix::at)).toList();
    }

    public static OrderFacts of(ServiceOrder order, @Nullable Position home, Instant now) {
        return new OrderFacts(order, home, List.of(), List.of(), now);
    }
}
