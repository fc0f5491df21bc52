package org.smartcare.order;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smartcare.care.Elder;
import org.smartcare.care.Elders;

/**
 * Runs every anomaly rule over an order and stores what fires, once per order and kind: on check-in and
 * check-out (inside that command's transaction) and on a sweep for orders whose check-out never came.
 */
@Singleton
public class AnomalyDetector {

    /** How far back the overlap rule looks for the caregiver's earlier check-ins. */
    private static final Duration OVERLAP_LOOKBACK = Duration.ofDays(2);
    private static final int SWEEP_BATCH = 500;

    private final List<AnomalyRule> rules;
    private final Orders orders;
    private final Elders elders;
    private final CaregiverLocations locations;
    private final OrderAnomalies anomalies;
    private final OrderSettings settings;

    AnomalyDetector(List<AnomalyRule> rules, Orders orders, Elders elders, CaregiverLocations locations,
                    OrderAnomalies anomalies, OrderSettings settings) {
        this.rules = rules;
        this.orders = orders;
        this.elders = elders;
        this.locations = locations;
        this.anomalies = anomalies;
        this.settings = settings;
    }

    /** Evaluates the order as it stands at {@code now}; returns the kinds newly recorded. */
    @Transactional
    public List<AnomalyKind> detect(ServiceOrder order, Instant now) {
        OrderFacts facts = factsOf(order, now);
        List<AnomalyKind> recorded = new ArrayList<>();
        for (AnomalyRule rule : rules) {
            rule.evaluate(facts).ifPresent(detail -> {
                if (anomalies.recordIfNew(order.id(), order.tenantId(), rule.kind().name(), detail, now) > 0) {
                    recorded.add(rule.kind());
                }
            });
        }
        return recorded;
    }

    /**
     * Re-evaluates orders still in service past the missing-check-out limit at {@code now}; returns how many
     * anomalies it recorded. Safe to run from several instances at once.
     */
    @Transactional
    public int sweep(Instant now) {
        int recorded = 0;
        for (ServiceOrder order : orders.findOverdueInService(now, settings.missingCheckOutFactor(), SWEEP_BATCH)) {
            recorded += detect(order, now).size();
        }
        return recorded;
    }

    OrderFacts factsOf(ServiceOrder order, Instant now) {
        Position home = elders.findById(order.elderId()).map(AnomalyDetector::home).orElse(null);
        if (order.caregiverId() == null || order.checkInAt() == null) {
            return new OrderFacts(order, home, List.of(), List.of(), now);
        }
        Instant until = order.checkOutAt() != null ? order.checkOutAt() : now;
        List<ServiceOrder> around = orders.findCheckedInByCaregiver(order.caregiverId(),
                order.checkInAt().minus(OVERLAP_LOOKBACK), until.isAfter(order.checkInAt()) ? until
                        : order.checkInAt().plusMillis(1));
        Instant trackFrom = order.travelStartedAt() != null && order.travelStartedAt().isBefore(order.checkInAt())
                ? order.travelStartedAt() : order.checkInAt();
        return new OrderFacts(order, home, around, locations.track(order.caregiverId(), trackFrom, until), now);
    }

    private static Position home(Elder elder) {
        return elder.latitude() == null || elder.longitude() == null ? null
                : new Position(elder.latitude(), elder.longitude());
    }
}
