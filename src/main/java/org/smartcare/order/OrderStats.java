package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Service-order quality over a period: counts, punctuality, ratings, anomalies, and the monthly visit coverage
 * of elders in special hardship (特殊困难老年人月探访率, planned target 100%).
 */
public record OrderStats(
        int total,
        List<Count> byTypeAndState,
        int checkedIn,
        @Nullable Double onTimeRate,
        int rated,
        @Nullable Double averageRating,
        @Nullable Double anomalyRate,
        List<KindCount> anomaliesByKind,
        List<MonthCoverage> monthlyVisitCoverage) {

    /** Orders of one type in one state. */
    public record Count(ServiceType type, OrderState state, int count) {
    }

    /** Orders with a finding of one kind. */
    public record KindCount(AnomalyKind kind, int count) {
    }

    /** Of the elders in special hardship, how many had a visit checked in during the month (yyyy-MM). */
    public record MonthCoverage(String month, int eligible, int visited, @Nullable Double rate) {
    }
}
