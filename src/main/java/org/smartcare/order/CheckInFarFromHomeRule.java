package org.smartcare.order;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Fires when the check-in is more than the limit (default 200 m, haversine) from the elder's home. */
@Singleton
public class CheckInFarFromHomeRule implements AnomalyRule {

    private final double limitMetres;

    @Inject
    CheckInFarFromHomeRule(OrderSettings settings) {
        this(settings.farFromHomeMetres());
    }

    CheckInFarFromHomeRule(double limitMetres) {
        this.limitMetres = limitMetres;
    }

    @Override
    public AnomalyKind kind() {
        return AnomalyKind.CHECK_IN_FAR_FROM_HOME;
    }

    @Override
    public Optional<String> evaluate(OrderFacts facts) {
        Position checkIn = facts.order().checkInPosition();
        if (checkIn == null || facts.home() == null) {
            return Optional.empty();
        }
        double metres = checkIn.metresTo(facts.home());
        if (metres <= limitMetres) {
            return Optional.empty();
        }
        return Optional.of(String.format("checked in %.0f m from the elder's home (limit %.0f m)", metres, limitMetres));
    }
}
