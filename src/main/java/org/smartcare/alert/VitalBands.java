package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a vital sign stops being normal: below {@code mediumBelow} or above {@code mediumAbove} is abnormal
 * (MEDIUM when sustained), below {@code highBelow} or above {@code highAbove} is severe (HIGH when sustained).
 */
public record VitalBands(int highBelow, int mediumBelow, int mediumAbove, int highAbove) {

    /** Heart rate: < 45 or > 115 severe, 45-54 or 96-115 abnormal. */
    public static final VitalBands HEART_RATE = new VitalBands(45, 55, 95, 115);
    /** Respiration: < 8 or > 26 severe, 8-9 or 24-26 abnormal. */
    public static final VitalBands RESPIRATION = new VitalBands(8, 10, 23, 26);

    /** The severity a reading would have if sustained; null when it is normal. */
    public @Nullable Severity classify(int value) {
        if (value < highBelow || value > highAbove) {
            return Severity.HIGH;
        }
        if (value < mediumBelow || value > mediumAbove) {
            return Severity.MEDIUM;
        }
        return null;
    }

    /** What is wrong with these bands, named after {@code label}; empty when they make sense. */
    List<String> problems(String label) {
        List<String> problems = new ArrayList<>();
        if (highBelow < 0 || highAbove > 300) {
            problems.add(label + " bands must lie within 0..300");
        }
        if (highBelow > mediumBelow || mediumBelow > mediumAbove || mediumAbove > highAbove) {
            problems.add(label + " bands must satisfy highBelow <= mediumBelow <= mediumAbove <= highAbove, got "
                    + highBelow + ", " + mediumBelow + ", " + mediumAbove + ", " + highAbove);
        }
        return problems;
    }
}
