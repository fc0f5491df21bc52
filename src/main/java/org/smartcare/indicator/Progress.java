package org.smartcare.indicator;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A value judged against a plan target. On track means: at least the straight line from the baseline (the
 * value at the end of the baseline year) to the target (at the end of the target year), read on the date asked.
 * A baseline without a year (Suizhou prints 现有 with none) is taken at the end of the year five before the
 * target year, the start of a five-year plan (十四五: end of 2020 for 2025). Pure.
 *
 * @param gap    how far the value is from the target in the target's direction, 0 once met
 * @param status null when the target is in words or there is no value, or no baseline to draw the line from
 * @param note   what the status rests on, or why there is none
 */
public record Progress(@Nullable Double gap, @Nullable IndicatorStatus status, String note) {

    static final int PLAN_YEARS = 5;

    public static Progress of(@Nullable Double value, PlanTarget target, LocalDate asOf) {
        if (!target.hasNumericTarget()) {
            return new Progress(null, null, "the target is stated in words: " + target.targetText());
        }
        if (value == null) {
            return new Progress(null, null, "no value to compare with the target");
        }
        double gap = target.gap(value);
        if (target.metBy(value)) {
            return new Progress(0.0, IndicatorStatus.MET, "target reached");
        }
        if (target.targetYear() == null) {
            return new Progress(gap, IndicatorStatus.BEHIND, "not reached; the plan names no target year");
        }
        LocalDate deadline = LocalDate.of(target.targetYear(), 12, 31);
        if (asOf.isAfter(deadline)) {
            return new Progress(gap, IndicatorStatus.BEHIND, "not reached by the end of " + target.targetYear());
        }
        if (target.baselineValue() == null) {
            return new Progress(gap, null, "not reached yet; the plan gives no baseline to measure progress from");
        }
        boolean assumed = target.baselineYear() == null;
        int baseYear = assumed ? target.targetYear() - PLAN_YEARS : target.baselineYear();
        double expected = expected(target, LocalDate.of(baseYear, 12, 31), deadline, asOf);
        boolean onTrack = target.op().equals("<=") ? value <= expected : value >= expected;
        String line = String.format("straight line from %s at the end of %d%s to %s at the end of %d expects %.2f now",
                number(target.baselineValue()), baseYear, assumed ? " (baseline year not stated: plan start)" : "",
                number(target.targetValue()), target.targetYear(), expected);
        return new Progress(gap, onTrack ? IndicatorStatus.ON_TRACK : IndicatorStatus.BEHIND, line);
    }

    private static double expected(PlanTarget target, LocalDate start, LocalDate end, LocalDate asOf) {
        long span = ChronoUnit.DAYS.between(start, end);
        double elapsed = span <= 0 ? 1 : Math.clamp((double) ChronoUnit.DAYS.between(start, asOf) / span, 0, 1);
        return target.baselineValue() + (target.targetValue() - target.baselineValue()) * elapsed;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
