package org.smartcare.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Status against a target: met, on the straight line from baseline to target, or behind it. */
class ProgressTest {

    private static PlanTarget target(Integer baselineYear, Double baseline, Integer year, Double value, String op) {
        return new PlanTarget("421300", IndicatorCode.NURSING_BED_SHARE, "护理型养老床位占比", "share of nursing-type beds",
                "percent", baselineYear, baseline, null, year, value, value == null ? "full coverage" : null, op, null,
                "test row");
    }

    @ParameterizedTest(name = "{0}: {1} on {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            // case,                       value, asOf,       status,   baselineYear, baseline, targetYear, target, op
            "reached,                      60,    2023-06-30, MET,      2020, 45.5, 2025, 60, =",
            "beyond a >= target,           61,    2023-06-30, MET,      2020, 45.5, 2025, 60, >=",
            "halfway on the line,          52.8,  2023-07-02, ON_TRACK, 2020, 45.5, 2025, 60, =",
            "below the line,               50,    2023-07-02, BEHIND,   2020, 45.5, 2025, 60, =",
            "target year over,             59,    2026-01-01, BEHIND,   2020, 45.5, 2025, 60, =",
            "baseline year from plan start,52.8,  2023-07-02, ON_TRACK, null, 45.5, 2025, 60, =",
            "at most: under,               70,    2023-07-02, MET,      2020, 90,   2025, 80, <=",
            "at most: above the line,      88,    2023-07-02, BEHIND,   2020, 90,   2025, 80, <=",
            "at most: below the line,      84,    2023-07-02, ON_TRACK, 2020, 90,   2025, 80, <=",
    })
    void statuses(String name, double value, LocalDate asOf, IndicatorStatus status, Integer baselineYear,
                  Double baseline, Integer targetYear, Double target, String op) {
        assertEquals(status, Progress.of(value, target(baselineYear, baseline, targetYear, target, op), asOf).status());
    }

    @ParameterizedTest
    @CsvSource({"50, 10", "60, 0", "65, 0"})
    void theGapIsWhatRemainsInTheTargetsDirection(double value, double gap) {
        assertEquals(gap, Progress.of(value, target(2020, 45.5, 2025, 60.0, ">="), LocalDate.of(2023, 1, 1)).gap());
    }

    @org.junit.jupiter.api.Test
    void withoutANumberOrABaselineThereIsNoStatusButAReason() {
        Progress words = Progress.of(50.0, target(2020, 45.5, 2025, null, "="), LocalDate.of(2023, 1, 1));
        assertNull(words.status());
        assertTrue(words.note().contains("full coverage"));
        Progress noBaseline = Progress.of(50.0, target(null, null, 2025, 60.0, "="), LocalDate.of(2023, 1, 1));
        assertNull(noBaseline.status());
        assertEquals(10.0, noBaseline.gap());
        assertNull(Progress.of(null, target(2020, 45.5, 2025, 60.0, "="), LocalDate.of(2023, 1, 1)).status());
    }
}
