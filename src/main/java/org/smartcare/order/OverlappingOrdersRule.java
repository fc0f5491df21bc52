package org.smartcare.order;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * Fires when the caregiver was checked in at another elder while checked in here. An order without a
 * check-out counts as in service until its check-out is missed (the missing-check-out limit), so one
 * forgotten check-out does not make every later order of that caregiver overlap. Two orders at the same
 * elder (say a meal and cleaning on one visit) may run together.
 */
@Singleton
public class OverlappingOrdersRule implements AnomalyRule {

    private final double openOrderFactor;

    @Inject
    OverlappingOrdersRule(OrderSettings settings) {
        this(settings.missingCheckOutFactor());
    }

    OverlappingOrdersRule(double openOrderFactor) {
        this.openOrderFactor = openOrderFactor;
    }

    @Override
    public AnomalyKind kind() {
        return AnomalyKind.OVERLAPPING_ORDERS;
    }

    @Override
    public Optional<String> evaluate(OrderFacts facts) {
        ServiceOrder order = facts.order();
        if (order.checkInAt() == null || order.caregiverId() == null) {
            return Optional.empty();
        }
        Instant start = order.checkInAt();
        Instant end = end(order);
        for (ServiceOrder other : facts.caregiverOrders()) {
            if (other.id() == null || other.id().equals(order.id()) || other.checkInAt() == null
                    || !order.caregiverId().equals(other.caregiverId()) || other.elderId() == order.elderId()) {
                continue;
            }
            if (other.checkInAt().isBefore(end) && start.isBefore(end(other))) {
                return Optional.of("caregiver " + order.caregiverId() + " was also checked in at order "
                        + other.id() + " (elder " + other.elderId() + ") from " + other.checkInAt()
                        + (other.checkOutAt() == null ? " without a check-out" : " to " + other.checkOutAt()));
            }
        }
        return Optional.empty();
    }

    private Instant end(ServiceOrder order) {
        return order.checkOutAt() != null ? order.checkOutAt() : MissingCheckOutRule.deadline(order, openOrderFactor);
    }
}
