package org.smartcare.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcare.care.InstitutionType;
import org.smartcare.care.Ownership;

/** The formulas over hand-made figures: what counts where, and a reason instead of a made-up number. */
class IndicatorCalculatorTest {

    private static final ServiceFigures SERVICES = new ServiceFigures(40, 39, 30, 10, 8L, 200, 195);
    private static final RegistryFigures REGISTRY = RegistryFigures.of(List.of(
            group(InstitutionType.ELDER_CARE_HOME, Ownership.PUBLIC, false, 300, 150, 0),
            group(InstitutionType.ELDER_CARE_HOME, Ownership.PRIVATE, true, 500, 200, 0),
            group(InstitutionType.MEDICAL_CARE_COMBINED, Ownership.PRIVATE, false, 200, 100, 0),
            group(InstitutionType.COMMUNITY_DAY_CARE, Ownership.PUBLIC_BUILT_PRIVATE_RUN, true, 100, 0, 0),
            group(InstitutionType.NURSERY, Ownership.PRIVATE, true, 0, 0, 60),
            group(InstitutionType.FAMILY_NURSERY, Ownership.PRIVATE, false, 0, 0, 40)));

    private static InstitutionGroup group(InstitutionType type, Ownership ownership, boolean inclusive, int beds,
                                          int nursing, int places) {
        return new InstitutionGroup(type, ownership, inclusive, type == InstitutionType.NURSERY, false, 2, beds,
                nursing, beds / 2, places, places / 2);
    }

    @Test
    void bedSharesAreOverInstitutionBedsAndBedsPerThousandOverAllElderCareBeds() {
        Map<IndicatorCode, Measurement> m = IndicatorCalculator.compute(REGISTRY, SERVICES,
                new Population("421300", 2022, 200_000L, 40_000L, null, 3_000L, null, "test"));
        assertEquals(1000.0, m.get(IndicatorCode.INSTITUTION_BEDS).value());
        assertEquals(1100.0, m.get(IndicatorCode.ELDER_CARE_BEDS).value());
        assertEquals(27.5, m.get(IndicatorCode.BEDS_PER_1000_OLDER).value(), 1e-9);
        assertEquals(45.0, m.get(IndicatorCode.NURSING_BED_SHARE).value(), 1e-9);
        assertEquals(30.0, m.get(IndicatorCode.SAFETY_NET_BED_SHARE).value(), 1e-9);
        assertEquals(50.0, m.get(IndicatorCode.INCLUSIVE_BED_SHARE).value(), 1e-9);
        assertEquals(80.0, m.get(IndicatorCode.PUBLIC_AND_INCLUSIVE_BED_SHARE).value(), 1e-9);
        assertEquals(6.0, m.get(IndicatorCode.ELDER_CARE_INSTITUTIONS).value(), "three groups of two");
        assertEquals(2.0, m.get(IndicatorCode.COMMUNITY_FACILITIES).value());
        assertEquals(0.5, m.get(IndicatorCode.PLACES_PER_1000).value(), 1e-9);
        assertEquals(60.0, m.get(IndicatorCode.INCLUSIVE_PLACE_SHARE).value(), 1e-9);
        assertEquals(50.0, m.get(IndicatorCode.FILED_NURSERY_SHARE).value(), 1e-9);
        assertEquals(97.5, m.get(IndicatorCode.HARDSHIP_VISIT_RATE).value(), 1e-9);
        assertEquals(1.0, m.get(IndicatorCode.ASSESSMENT_COVERAGE_80_PLUS).value(), 1e-9);
        assertEquals(80.0, m.get(IndicatorCode.EMERGENCY_CALL_COVERAGE).value(), 1e-9);
        assertEquals(97.5, m.get(IndicatorCode.ALERTS_ANSWERED_IN_60S).value(), 1e-9);
        assertEquals(IndicatorCode.values().length, m.size(), "every indicator is answered");
    }

    @Test
    void missingDenominatorsGiveAReasonNotANumber() {
        Map<IndicatorCode, Measurement> m = IndicatorCalculator.compute(RegistryFigures.of(List.of()),
                new ServiceFigures(0, 0, 0, 0, null, 0, 0), null);
        for (IndicatorCode code : List.of(IndicatorCode.BEDS_PER_1000_OLDER, IndicatorCode.NURSING_BED_SHARE,
                IndicatorCode.PLACES_PER_1000, IndicatorCode.HARDSHIP_VISIT_RATE,
                IndicatorCode.EMERGENCY_CALL_COVERAGE, IndicatorCode.ALERTS_ANSWERED_IN_60S)) {
            assertNull(m.get(code).value(), code.name());
            assertNotNull(m.get(code).unavailable(), code.name());
        }
        assertTrue(m.get(IndicatorCode.EMERGENCY_CALL_COVERAGE).unavailable().contains("today"));
        assertEquals(0.0, m.get(IndicatorCode.CHILDCARE_PLACES).value(), "a count of nothing is zero");
    }

    @Test
    void aRegionWithoutFiguresAddsUpItsSubRegionsOnlyWhenAllHaveThem() {
        Population a = new Population("421303", 2022, 100L, 30L, null, 5L, 3L, "a");
        Population b = new Population("421321", 2021, 200L, 50L, null, null, 6L, "b");
        Population sum = Populations.resolve("421300", Map.of("421303", a, "421321", b),
                Map.of("421300", List.of("421303", "421321")));
        assertEquals(300L, sum.total());
        assertEquals(80L, sum.aged60Plus());
        assertNull(sum.aged80Plus(), "unknown in one part, unknown in the sum");
        assertEquals(2021, sum.year());
        assertNull(Populations.resolve("421300", Map.of("421303", a),
                Map.of("421300", List.of("421303", "421321"))), "a district without figures leaves the city unknown");
    }
}
