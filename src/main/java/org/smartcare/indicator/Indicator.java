package org.smartcare.indicator;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.smartcare.care.InstitutionType;

/**
 * One indicator of a region on a date: its figure, the plan target that applies and where the figure stands.
 * A plan indicator the platform cannot compute has no code and no formula, and says so in its measurement.
 *
 * @param unit    as in the plans table: per_1000, percent, count (or the plan's own unit when not computed)
 * @param byType  for counts of institutions: how many of each type
 */
public record Indicator(String region, LocalDate asOf, @Nullable IndicatorCode code, String nameEn, String nameZh,
                        String unit, @Nullable String formula, Measurement measurement, @Nullable PlanTarget target,
                        @Nullable Progress progress, Map<InstitutionType, Long> byType) {

    public Indicator {
        byType = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byType));
        if (code == null && measurement.value() != null) {
            throw new IllegalArgumentException("only a computed indicator has a value");
        }
    }

    static Indicator computed(String region, LocalDate asOf, IndicatorCode code, Measurement measurement,
                              @Nullable PlanTarget target, Map<InstitutionType, Long> byType) {
        Progress progress = target == null ? null : Progress.of(measurement.value(), target, asOf);
        return new Indicator(region, asOf, code, code.nameEn(), code.nameZh(), code.unit().name().toLowerCase(),
                code.formula(), measurement, target, progress, byType);
    }

    static Indicator notComputed(String region, LocalDate asOf, PlanTarget target) {
        return new Indicator(region, asOf, null, target.nameEn(), target.nameZh(), target.unit(), null,
                Measurement.unavailable("the platform holds no data this indicator could be computed from"),
                target, null, Map.of());
    }

    /** Types of institution in the breakdown of a count indicator, in the order of the enum. */
    static List<InstitutionType> breakdownTypes(IndicatorCode code) {
        return switch (code) {
            case ELDER_CARE_INSTITUTIONS -> sorted(RegistryFigures.INSTITUTIONS);
            case COMMUNITY_FACILITIES -> sorted(RegistryFigures.COMMUNITY);
            case CHILDCARE_INSTITUTIONS -> sorted(RegistryFigures.CHILDCARE);
            default -> List.of();
        };
    }

    private static List<InstitutionType> sorted(java.util.Set<InstitutionType> types) {
        return types.stream().sorted().toList();
    }
}
