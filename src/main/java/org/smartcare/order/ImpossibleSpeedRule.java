package org.smartcare.order;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Fires when two consecutive points of the caregiver's track during the order (location reports plus the
 * check-in and check-out fixes) imply more than the limit (default 120 km/h). The distance is first reduced
 * by both points' accuracy radii, so GPS jitter between close reports is not mistaken for speed.
 */
@Singleton
public class ImpossibleSpeedRule implements AnomalyRule {

    private final double maxKmh;

    @Inject
    ImpossibleSpeedRule(OrderSettings settings) {
        this(settings.maxSpeedKmh());
    }

    ImpossibleSpeedRule(double maxKmh) {
        this.maxKmh = maxKmh;
    }

    @Override
    public AnomalyKind kind() {
        return AnomalyKind.IMPOSSIBLE_SPEED;
    }

    @Override
    public Optional<String> evaluate(OrderFacts facts) {
        List<LocationFix> points = points(facts);
        for (int i = 1; i < points.size(); i++) {
            LocationFix from = points.get(i - 1);
            LocationFix to = points.get(i);
            double metres = Math.max(0, from.position().metresTo(to.position())
                    - radius(from) - radius(to));
            if (metres == 0) {
                continue;
            }
            long millis = Duration.between(from.at(), to.at()).toMillis();
            double kmh = millis == 0 ? Double.POSITIVE_INFINITY : metres / millis * 3_600;
            if (kmh > maxKmh) {
                return Optional.of(String.format("moved %.0f m in %.0f s between %s and %s (%.0f km/h, limit %.0f km/h)",
                        metres, millis / 1000.0, from.at(), to.at(), kmh, maxKmh));
            }
        }
        return Optional.empty();
    }

    private static List<LocationFix> points(OrderFacts facts) {
        List<LocationFix> points = new ArrayList<>(facts.track());
        ServiceOrder order = facts.order();
        if (order.checkInAt() != null) {
            points.add(new LocationFix(order.checkInAt(), order.checkInPosition(), null));
        }
        if (order.checkOutAt() != null) {
            points.add(new LocationFix(order.checkOutAt(), order.checkOutPosition(), null));
        }
        points.sort(Comparator.comparing(LocationFix::at));
        return points;
    }

    private static double radius(LocationFix fix) {
        return fix.accuracyM() == null ? 0 : fix.accuracyM();
    }
}
