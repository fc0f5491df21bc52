package org.smartcare.indicator;

import io.micronaut.core.annotation.Nullable;

/**
 * One indicator's figure: the value with what it was computed from, or why there is none.
 *
 * @param unavailable why the value is null (missing population figures, nothing to divide by, no history)
 */
public record Measurement(@Nullable Double value, @Nullable Double numerator, @Nullable Double denominator,
                          @Nullable String unavailable) {

    public Measurement {
        if ((value == null) == (unavailable == null)) {
            throw new IllegalArgumentException("a measurement has either a value or the reason it has none");
        }
    }

    public static Measurement count(long count) {
        return new Measurement((double) count, null, null, null);
    }

    /** numerator / denominator x factor, or unavailable with the reason when there is nothing to divide by. */
    public static Measurement ratio(long numerator, @Nullable Long denominator, double factor, String whenNone) {
        if (denominator == null || denominator == 0) {
            return new Measurement(null, (double) numerator, denominator == null ? null : 0.0, whenNone);
        }
        return new Measurement(numerator * factor / denominator, (double) numerator, (double) denominator, null);
    }

    public static Measurement unavailable(String reason) {
        return new Measurement(null, null, null, reason);
    }
}
