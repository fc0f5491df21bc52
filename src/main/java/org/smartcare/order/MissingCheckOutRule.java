package org.smartcare.order;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Fires when no check-out came within a multiple (default 2x) of the standard after check-in: judged at
 * "now" while the order is in service, or from the check-out time once it came late, so the finding does
 * not depend on whether a sweep ran in between.
 */
@Singleton
public class MissingCheckOutRule implements AnomalyRule {

    private final double factor;

    @Inject
    MissingCheckOutRule(OrderSettings settings) {
        this(settings.missingCheckOutFactor());
    }

    MissingCheckOutRule(double factor) {
        this.factor = factor;
    }

    @Override
    public AnomalyKind kind() {
        return AnomalyKind.MISSING_CHECK_OUT;
    }

    @Override
    public Optional<String> evaluate(OrderFacts facts) {
        ServiceOrder order = facts.order();
        if (order.checkInAt() == null) {
            return Optional.empty();
        }
        Instant deadline = deadline(order, factor);
        if (order.checkOutAt() == null) {
            return facts.now().isAfter(deadline)
                    ? Optional.of("no check-out " + Duration.between(order.checkInAt(), facts.now()).toMinutes()
                            + " min after check-in (limit " + limitMinutes(order) + " min)")
                    : Optional.empty();
        }
        return order.checkOutAt().isAfter(deadline)
                ? Optional.of("checked out " + order.timeInService().toMinutes() + " min after check-in (limit "
                        + limitMinutes(order) + " min)")
                : Optional.empty();
    }

    /** When an order checked in without a check-out counts as missing it. */
    static Instant deadline(ServiceOrder order, double factor) {
        return order.checkInAt().plusMillis(Math.round(order.standard().toMillis() * factor));
    }

    private long limitMinutes(ServiceOrder order) {
        return Math.round(order.standardMinutes() * factor);
    }
}
