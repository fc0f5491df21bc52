package org.smartcare.indicator;

import io.micronaut.core.annotation.Nullable;

/**
 * One row of a city plan's indicator table: the figure at the plan's start (现有, baseline) and the figure to
 * reach. Values the plan states in words ("full coverage") have a null number and keep the words.
 *
 * @param regionCode GB/T 2260 code of the region the plan covers
 * @param indicator  the platform's indicator this row measures, or null when the platform cannot compute it
 * @param op         {@code >=}, {@code =} or {@code <=} as printed; {@code =} means "reach", i.e. at least
 *                   (every plan figure the platform computes grows towards its target)
 * @param source     where the figures come from (document, table, row), kept from the plans table
 */
public record PlanTarget(
        String regionCode,
        @Nullable IndicatorCode indicator,
        String nameZh,
        String nameEn,
        String unit,
        @Nullable Integer baselineYear,
        @Nullable Double baselineValue,
        @Nullable String baselineText,
        @Nullable Integer targetYear,
        @Nullable Double targetValue,
        @Nullable String targetText,
        String op,
        @Nullable String binding,
        String source) {

    private static final double EPSILON = 1e-9;

    public PlanTarget {
        if (regionCode == null || !regionCode.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("a plan target needs a six-digit region code, got " + regionCode);
        }
        if (nameZh == null || nameZh.isBlank() || source == null || source.isBlank()) {
            throw new IllegalArgumentException("a plan target needs its name and source");
        }
        if (!op.isEmpty() && !op.equals(">=") && !op.equals("=") && !op.equals("<=")) {
            throw new IllegalArgumentException("unknown target operator " + op);
        }
    }

    /** Whether the row states a number to reach. */
    public boolean hasNumericTarget() {
        return targetValue != null && !op.isEmpty();
    }

    /** Whether the value satisfies the target; only for rows with a numeric target. */
    public boolean metBy(double value) {
        return op.equals("<=") ? value <= targetValue + EPSILON : value >= targetValue - EPSILON;
    }

    /** How far the value still is from the target, in the target's direction (0 once met). */
    public double gap(double value) {
        double gap = op.equals("<=") ? value - targetValue : targetValue - value;
        return Math.max(0, gap);
    }
}
