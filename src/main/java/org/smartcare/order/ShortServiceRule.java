package org.smartcare.order;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/** Fires when the time between check-in and check-out is under a share (default 50%) of the standard. */
@Singleton
public class ShortServiceRule implements AnomalyRule {

    private final double minimumRatio;

    @Inject
    ShortServiceRule(OrderSettings settings) {
        this(settings.shortServiceRatio());
    }

    ShortServiceRule(double minimumRatio) {
        this.minimumRatio = minimumRatio;
    }

    @Override
    public AnomalyKind kind() {
        return AnomalyKind.SHORT_SERVICE;
    }

    @Override
    public Optional<String> evaluate(OrderFacts facts) {
        Duration served = facts.order().timeInService();
        if (served == null) {
            return Optional.empty();
        }
        // Compared in milliseconds so that exactly the minimum is not short.
        double minimumMillis = facts.order().standard().toMillis() * minimumRatio;
        if (served.toMillis() >= minimumMillis) {
            return Optional.empty();
        }
        return Optional.of(String.format("served %d min of a %d min standard (minimum %.0f%%)",
                served.toMinutes(), facts.order().standardMinutes(), minimumRatio * 100));
    }
}
