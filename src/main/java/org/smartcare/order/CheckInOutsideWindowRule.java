package org.smartcare.order;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Fires when the check-in falls outside the scheduled window widened by the tolerance (default 15 min) on
 * both sides: too early is as suspect as too late.
 */
@Singleton
public class CheckInOutsideWindowRule implements AnomalyRule {

    private final Duration tolerance;

    @Inject
    CheckInOutsideWindowRule(OrderSettings settings) {
        this(settings.checkInTolerance());
    }

    CheckInOutsideWindowRule(Duration tolerance) {
        this.tolerance = tolerance;
    }

    @Override
    public AnomalyKind kind() {
        return AnomalyKind.CHECK_IN_OUTSIDE_WINDOW;
    }

    @Override
    public Optional<String> evaluate(OrderFacts facts) {
        ServiceOrder order = facts.order();
        Instant checkIn = order.checkInAt();
        if (checkIn == null) {
            return Optional.empty();
        }
        Instant earliest = order.scheduledStart().minus(tolerance);
        Instant latest = order.scheduledEnd().plus(tolerance);
        if (checkIn.isBefore(earliest)) {
            return Optional.of("checked in " + Duration.between(checkIn, order.scheduledStart()).toMinutes()
                    + " min before the window opens (tolerance " + tolerance.toMinutes() + " min)");
        }
        if (checkIn.isAfter(latest)) {
            return Optional.of("checked in " + Duration.between(order.scheduledEnd(), checkIn).toMinutes()
                    + " min after the window closed (tolerance " + tolerance.toMinutes() + " min)");
        }
        return Optional.empty();
    }
}
