package org.smartcare.indicator;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smartcare.care.InstitutionType;

/**
 * The indicators of a region on a date, against the plan that applies to it: the region's own plan, or else
 * the plan of the nearest region above it (a district is measured against its city's targets).
 */
@Singleton
public class Indicators {

    private final RegionTree tree;
    private final PlanTargets plans;
    private final Populations populations;
    private final RegistryQueries registry;
    private final ServiceQueries services;

    Indicators(RegionTree tree, PlanTargets plans, Populations populations, RegistryQueries registry,
               ServiceQueries services) {
        this.tree = tree;
        this.plans = plans;
        this.populations = populations;
        this.registry = registry;
        this.services = services;
    }

    /** Empty when the region is unknown. Every computed indicator first, then the plan's others. */
    public Optional<List<Indicator>> of(String region, LocalDate asOf, IndicatorScope scope) {
        List<String> ancestry = tree.ancestry(region);
        if (ancestry.isEmpty()) {
            return Optional.empty();
        }
        List<PlanTarget> plan = ancestry.stream().map(plans::of).filter(rows -> !rows.isEmpty())
                .findFirst().orElse(List.of());
        RegistryFigures figures = registry.figures(region, scope);
        Map<IndicatorCode, Measurement> measured = IndicatorCalculator.compute(figures,
                services.figures(region, asOf, scope, LocalDate.now(ServiceQueries.CITY_TIME)),
                populations.of(region, asOf.getYear()).orElse(null));
        List<Indicator> indicators = new ArrayList<>();
        measured.forEach((code, measurement) -> indicators.add(Indicator.computed(region, asOf, code, measurement,
                target(plan, code, asOf).orElse(null), breakdown(figures, code))));
        plan.stream().filter(row -> row.indicator() == null && !row.op().isEmpty())
                .forEach(row -> indicators.add(Indicator.notComputed(region, asOf, row)));
        return Optional.of(indicators);
    }

    /**
     * The row for the indicator whose target year is the first not yet over on {@code asOf}; when all are
     * over, the latest. (Shijiazhuang sets 2.4 places per 1,000 for 2022 and 4.6 for 2025.)
     */
    static Optional<PlanTarget> target(List<PlanTarget> plan, IndicatorCode code, LocalDate asOf) {
        List<PlanTarget> rows = plan.stream()
                .filter(row -> row.indicator() == code && !row.op().isEmpty()).toList();
        Comparator<PlanTarget> byYear = Comparator.comparing(row -> row.targetYear() == null ? 0 : row.targetYear());
        return rows.stream().filter(row -> row.targetYear() != null && row.targetYear() >= asOf.getYear())
                .min(byYear).or(() -> rows.stream().max(byYear));
    }

    private static Map<InstitutionType, Long> breakdown(RegistryFigures figures, IndicatorCode code) {
        Map<InstitutionType, Long> counts = new LinkedHashMap<>();
        Indicator.breakdownTypes(code).forEach(type -> counts.put(type, figures.byType().getOrDefault(type, 0L)));
        return counts;
    }
}
