package org.smartcare.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's copy of the plans table: parsed as printed, sources kept, rows mapped to indicators. */
class PlanTargetsTest {

    private final PlanTargets plans = new PlanTargets();

    @Test
    void suizhouCurrentFiguresAndTargetsAreRead() {
        PlanTarget beds = plans.of("421300").stream()
                .filter(row -> row.indicator() == IndicatorCode.BEDS_PER_1000_OLDER).findFirst().orElseThrow();
        assertEquals(40.3, beds.baselineValue());
        assertNull(beds.baselineYear(), "Suizhou prints 现有 without a year");
        assertEquals(45.0, beds.targetValue());
        assertEquals(2025, beds.targetYear());
        assertTrue(beds.source().startsWith("003_9f117e6a09c21bf7.txt Table 2 row 5"));
    }

    @Test
    void targetsInWordsKeepTheirWords() {
        PlanTarget pension = plans.of("130100").getFirst();
        assertNull(pension.targetValue());
        assertEquals("basically full coverage", pension.targetText());
    }

    @Test
    void theTargetYearNotYetOverIsChosen() {
        List<PlanTarget> shijiazhuang = plans.of("130100");
        assertEquals(2022, Indicators.target(shijiazhuang, IndicatorCode.PLACES_PER_1000, LocalDate.of(2022, 5, 1))
                .orElseThrow().targetYear());
        assertEquals(2025, Indicators.target(shijiazhuang, IndicatorCode.PLACES_PER_1000, LocalDate.of(2023, 5, 1))
                .orElseThrow().targetYear());
        assertEquals(2025, Indicators.target(shijiazhuang, IndicatorCode.PLACES_PER_1000, LocalDate.of(2027, 5, 1))
                .orElseThrow().targetYear());
    }

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        assertEquals(List.of("a", "b, c", "say \"hi\"", ""), Csv.fields("a,\"b, c\",\"say \"\"hi\"\"\","));
        assertThrows(IllegalArgumentException.class, () -> Csv.fields("a,\"open"));
    }

    @Test
    void aTableWithoutTheIndicatorColumnIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PlanTargets.parse(List.of("region_code,indicator_zh")));
    }
}
