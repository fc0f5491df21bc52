package org.smartcare.indicator;

import io.micronaut.core.annotation.Nullable;

/**
 * A region's population in one year (常住人口 and age groups). Any figure may be unknown (null).
 *
 * @param year   the year of the figures (for a roll-up: the oldest year among its parts)
 * @param source where the figures come from, or how they were added up
 */
public record Population(String regionCode, int year, @Nullable Long total, @Nullable Long aged60Plus,
                         @Nullable Long aged65Plus, @Nullable Long aged80Plus, @Nullable Long under3, String source) {

    public Population {
        if (regionCode == null || !regionCode.matches("[1-9][0-9]{5}")) {
            throw new IllegalArgumentException("region code must be six digits, got " + regionCode);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("population figures need a source");
        }
        for (Long figure : new Long[] {total, aged60Plus, aged65Plus, aged80Plus, under3}) {
            if (figure != null && figure < 0) {
                throw new IllegalArgumentException("a population cannot be negative");
            }
        }
    }

    /** The sum of sub-regions' figures; a figure is known only when every part knows it. */
    static Population sum(String regionCode, java.util.List<Population> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to add up");
        }
        int year = parts.stream().mapToInt(Population::year).min().orElseThrow();
        return new Population(regionCode, year, add(parts, Population::total), add(parts, Population::aged60Plus),
                add(parts, Population::aged65Plus), add(parts, Population::aged80Plus), add(parts, Population::under3),
                "sum of " + parts.size() + " sub-regions");
    }

    private static Long add(java.util.List<Population> parts, java.util.function.Function<Population, Long> figure) {
        long sum = 0;
        for (Population part : parts) {
            Long value = figure.apply(part);
            if (value == null) {
                return null;
            }
            sum += value;
        }
        return sum;
    }
}
