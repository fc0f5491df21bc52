package org.smartcare.sim;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A message rate such as {@code 2/min} or {@code 5/s}: {@code count} messages per {@code per}. */
public record Rate(double count, Duration per) {

    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(ms|s|sec|m|min|h|hour)");

    public Rate {
        if (!(count > 0) || Double.isInfinite(count)) {
            throw new IllegalArgumentException("rate must be positive, got " + count);
        }
        if (per == null || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("rate period must be positive, got " + per);
        }
    }

    /** Parses {@code N/ms}, {@code N/s}, {@code N/min} or {@code N/h}; N may have decimals. */
    public static Rate parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid rate '" + text + "', expected N/s, N/min or N/h (e.g. 2/min, 5/s)");
        }
        Duration per = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(1);
            case "s", "sec" -> Duration.ofSeconds(1);
            case "m", "min" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        double count = Double.parseDouble(m.group(1));
        if (count <= 0) {
            throw new IllegalArgumentException("invalid rate '" + text + "': must be positive");
        }
        return new Rate(count, per);
    }

    /** Time between two messages at this rate, at least one nanosecond. */
    public Duration interval() {
        long nanos = Math.round(per.toNanos() / count);
        return Duration.ofNanos(Math.max(1, nanos));
    }

    @Override
    public String toString() {
        String n = count == Math.rint(count) ? Long.toString((long) count) : Double.toString(count);
        return n + "/" + unit();
    }

    private String unit() {
        if (per.equals(Duration.ofMillis(1))) {
            return "ms";
        }
        if (per.equals(Duration.ofSeconds(1))) {
            return "s";
        }
        if (per.equals(Duration.ofMinutes(1))) {
            return "min";
        }
        if (per.equals(Duration.ofHours(1))) {
            return "h";
        }
        return per.toString();
    }
}
