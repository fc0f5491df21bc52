package org.smartcare.indicator;

import io.micronaut.core.annotation.Nullable;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** The formulas of {@link IndicatorCode}, over figures already read. Pure: no database, no clock. */
public final class IndicatorCalculator {

    private IndicatorCalculator() {
    }

    public static Map<IndicatorCode, Measurement> compute(RegistryFigures r, ServiceFigures s,
                                                          @Nullable Population population) {
        Map<IndicatorCode, Measurement> m = new EnumMap<>(IndicatorCode.class);
        m.put(IndicatorCode.ELDER_CARE_INSTITUTIONS, Measurement.count(r.count(RegistryFigures.INSTITUTIONS)));
        m.put(IndicatorCode.COMMUNITY_FACILITIES, Measurement.count(r.count(RegistryFigures.COMMUNITY)));
        m.put(IndicatorCode.INSTITUTION_BEDS, Measurement.count(r.institutionBeds()));
        m.put(IndicatorCode.ELDER_CARE_BEDS, Measurement.count(r.elderCareBeds()));
        m.put(IndicatorCode.BEDS_PER_1000_OLDER, Measurement.ratio(r.elderCareBeds(),
                figure(population, Population::aged60Plus), 1000, noPopulation(population, "aged 60+")));
        String noBeds = "no beds in elder-care institutions";
        m.put(IndicatorCode.NURSING_BED_SHARE, Measurement.ratio(r.nursingBeds(), r.institutionBeds(), 100, noBeds));
        m.put(IndicatorCode.SAFETY_NET_BED_SHARE,
                Measurement.ratio(r.safetyNetBeds(), r.institutionBeds(), 100, noBeds));
        m.put(IndicatorCode.INCLUSIVE_BEDS, Measurement.count(r.inclusiveBeds()));
        m.put(IndicatorCode.INCLUSIVE_BED_SHARE,
                Measurement.ratio(r.inclusiveBeds(), r.institutionBeds(), 100, noBeds));
        m.put(IndicatorCode.PUBLIC_AND_INCLUSIVE_BED_SHARE,
                Measurement.ratio(r.publicOrInclusiveBeds(), r.institutionBeds(), 100, noBeds));
        m.put(IndicatorCode.BED_OCCUPANCY, Measurement.ratio(r.occupiedBeds(), r.institutionBeds(), 100, noBeds));
        long nurseries = r.count(RegistryFigures.CHILDCARE);
        m.put(IndicatorCode.CHILDCARE_INSTITUTIONS, Measurement.count(nurseries));
        m.put(IndicatorCode.FILED_NURSERIES, Measurement.count(r.filedNurseries()));
        m.put(IndicatorCode.FILED_NURSERY_SHARE,
                Measurement.ratio(r.filedNurseries(), nurseries, 100, "no childcare institutions"));
        m.put(IndicatorCode.DEMONSTRATION_NURSERIES, Measurement.count(r.demonstrationNurseries()));
        m.put(IndicatorCode.CHILDCARE_PLACES, Measurement.count(r.places()));
        m.put(IndicatorCode.PLACES_PER_1000, Measurement.ratio(r.places(), figure(population, Population::total),
                1000, noPopulation(population, "total")));
        String noPlaces = "no childcare places";
        m.put(IndicatorCode.INCLUSIVE_PLACE_SHARE, Measurement.ratio(r.inclusivePlaces(), r.places(), 100, noPlaces));
        m.put(IndicatorCode.CHILDCARE_ENROLMENT, Measurement.ratio(r.enrolled(), r.places(), 100, noPlaces));
        m.put(IndicatorCode.HARDSHIP_VISIT_RATE, Measurement.ratio(s.visitedHardshipElders(), s.hardshipElders(),
                100, "no elders in special hardship living at home are registered"));
        m.put(IndicatorCode.ASSESSMENT_COVERAGE_80_PLUS, Measurement.ratio(s.assessedAged80Plus(),
                figure(population, Population::aged80Plus), 100, noPopulation(population, "aged 80+")));
        m.put(IndicatorCode.EMERGENCY_CALL_COVERAGE, s.coveredElders() == null
                ? Measurement.unavailable("device online state is kept only as it is now: ask for today")
                : Measurement.ratio(s.coveredElders(), s.callEligibleElders(), 100,
                        "no elders living alone or in hardship at home are registered"));
        m.put(IndicatorCode.ALERTS_ANSWERED_IN_60S, Measurement.ratio(s.answeredIn60s(), s.emergencyAlerts(), 100,
                "no SOS or fall alerts in the 30 days"));
        return m;
    }

    private static Long figure(@Nullable Population population, Function<Population, Long> figure) {
        return population == null ? null : figure.apply(population);
    }

    private static String noPopulation(@Nullable Population population, String group) {
        return population == null
                ? "no population figures for the region (nor for all regions under it)"
                : "no population " + group + " figure for " + population.year();
    }
}
