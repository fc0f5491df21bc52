package org.smartcare.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Threshold defaults, overrides on top of them, and which values are refused. */
class AlertThresholdsTest {

    private static final AlertThresholds DEFAULTS = AlertThresholds.defaults(new AlertPolicy(Duration.ofSeconds(60),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofSeconds(30), 20, 15));

    @Test
    void defaultsAreTheCatalogRules() {
        assertEquals(new VitalBands(45, 55, 95, 115), DEFAULTS.heartRate());
        assertEquals(new VitalBands(8, 10, 23, 26), DEFAULTS.respiration());
        assertEquals(Duration.ofMinutes(1), DEFAULTS.sustain(Severity.HIGH));
        assertEquals(Duration.ofMinutes(5), DEFAULTS.sustain(Severity.MEDIUM));
        assertEquals(Duration.ofHours(2), DEFAULTS.noTurning());
        assertEquals(20, DEFAULTS.apneaSeconds());
        assertEquals(15, DEFAULTS.lowBatteryPercent());
        assertEquals(Duration.ofSeconds(60), DEFAULTS.ackLimit(Severity.CRITICAL));
        assertEquals(Duration.ofMinutes(30), DEFAULTS.ackLimit(Severity.MEDIUM));
        assertEquals(List.of(), DEFAULTS.problems());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"44, HIGH", "45, MEDIUM", "54, MEDIUM", "55,", "95,", "96, MEDIUM", "115, MEDIUM", "116, HIGH"})
    void heartRateBands(int rate, Severity expected) {
        assertEquals(expected, DEFAULTS.heartRate().classify(rate));
    }

    @Test
    void theShortestSustainIsTheLesserOfTheTwo() {
        assertEquals(Duration.ofMinutes(1), DEFAULTS.shortestSustain());
        assertEquals(Duration.ofSeconds(40), DEFAULTS.with(Map.of(ThresholdSetting.HIGH_SUSTAIN_SECONDS, 90,
                ThresholdSetting.MEDIUM_SUSTAIN_SECONDS, 40)).shortestSustain());
    }

    @Test
    void theLongestSustainIsTheGreaterOfTheTwo() {
        assertEquals(Duration.ofMinutes(5), DEFAULTS.longestSustain());
        assertEquals(Duration.ofSeconds(90), DEFAULTS.with(Map.of(ThresholdSetting.HIGH_SUSTAIN_SECONDS, 90,
                ThresholdSetting.MEDIUM_SUSTAIN_SECONDS, 40)).longestSustain());
    }

    @Test
    void anEmptyOverrideChangesNothing() {
        assertSame(DEFAULTS, DEFAULTS.with(Map.of()));
        assertEquals(50, DEFAULTS.with(Map.of(ThresholdSetting.HEART_RATE_HIGH_BELOW, 50)).heartRate().highBelow());
    }

    @Test
    void aMoreSpecificOverrideWinsSettingBySetting() {
        AlertThresholds tenant = DEFAULTS.with(Map.of(ThresholdSetting.HEART_RATE_HIGH_ABOVE, 125,
                ThresholdSetting.LOW_BATTERY_PERCENT, 20));
        AlertThresholds elder = tenant.with(Map.of(ThresholdSetting.HEART_RATE_HIGH_ABOVE, 130));
        assertEquals(130, elder.heartRate().highAbove());
        assertEquals(20, elder.lowBatteryPercent());
        assertEquals(45, elder.heartRate().highBelow());
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource({"HEART_RATE_HIGH_BELOW, 60", "HEART_RATE_MEDIUM_ABOVE, 120", "RESPIRATION_HIGH_ABOVE, 500",
            "LOW_BATTERY_PERCENT, 0", "HIGH_SUSTAIN_SECONDS, 900", "NO_TURNING_MINUTES, 5", "ACK_CRITICAL_SECONDS, -1"})
    void nonsenseIsRefusedWithItsName(ThresholdSetting setting, int value) {
        List<String> problems = DEFAULTS.with(Map.of(setting, value)).problems();
        assertTrue(!problems.isEmpty(), setting + " = " + value + " accepted");
    }

    @Test
    void apiFieldNamesAreCamelCase() {
        assertEquals("heartRateHighBelow", ThresholdSetting.HEART_RATE_HIGH_BELOW.fieldName());
        assertEquals("ackLowSeconds", ThresholdSetting.ACK_LOW_SECONDS.fieldName());
    }
}
