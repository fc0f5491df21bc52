package org.smartcare.order;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When a plan recurs, written as stored: {@code DAILY}, {@code WEEKDAYS}, {@code WEEKLY(MON,THU)} or
 * {@code MONTHLY(15)}. A monthly day past the end of a month means that month's last day, so MONTHLY(31)
 * still happens in February.
 */
public sealed interface Recurrence {

    boolean occursOn(LocalDate day);

    String format();

    static Recurrence parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no recurrence rule");
        }
        String rule = text.strip().toUpperCase(Locale.ROOT);
        if (rule.equals("DAILY")) {
            return new Daily();
        }
        if (rule.equals("WEEKDAYS")) {
            return new Weekdays();
        }
        Matcher weekly = Patterns.WEEKLY.matcher(rule);
        if (weekly.matches()) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : weekly.group(1).split(",")) {
                days.add(Weekly.dayOf(day));
            }
            return new Weekly(days);
        }
        Matcher monthly = Patterns.MONTHLY.matcher(rule);
        if (monthly.matches()) {
            return new Monthly(Integer.parseInt(monthly.group(1)));
        }
        throw new IllegalArgumentException(
                "recurrence must be DAILY, WEEKDAYS, WEEKLY(MON,...) or MONTHLY(1-31), got " + text);
    }

    /** Every day. */
    record Daily() implements Recurrence {
        public boolean occursOn(LocalDate day) {
            return true;
        }

        public String format() {
            return "DAILY";
        }
    }

    /** Monday to Friday. */
    record Weekdays() implements Recurrence {
        public boolean occursOn(LocalDate day) {
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        public String format() {
            return "WEEKDAYS";
        }
    }

    /** On the given days of the week. */
    record Weekly(Set<DayOfWeek> days) implements Recurrence {
        public Weekly {
            if (days == null || days.isEmpty()) {
                throw new IllegalArgumentException("a weekly rule needs at least one day");
            }
            days = Set.copyOf(days);
        }

        public boolean occursOn(LocalDate day) {
            return days.contains(day.getDayOfWeek());
        }

        public String format() {
            return days.stream().sorted().map(d -> d.name().substring(0, 3))
                    .collect(Collectors.joining(",", "WEEKLY(", ")"));
        }

        static DayOfWeek dayOf(String abbreviation) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.name().startsWith(abbreviation)) {
                    return day;
                }
            }
            throw new IllegalArgumentException("not a day of the week: " + abbreviation);
        }
    }

    /** On a day of the month, or the month's last day when it is shorter. */
    record Monthly(int dayOfMonth) implements Recurrence {
        public Monthly {
            if (dayOfMonth < 1 || dayOfMonth > 31) {
                throw new IllegalArgumentException("a monthly day is 1 to 31, got " + dayOfMonth);
            }
        }

        public boolean occursOn(LocalDate day) {
            return day.getDayOfMonth() == Math.min(dayOfMonth, day.lengthOfMonth());
        }

        public String format() {
            return "MONTHLY(" + dayOfMonth + ")";
        }
    }

    /** Kept apart so the interface exposes no constants. */
    final class Patterns {
        static final Pattern WEEKLY = Pattern.compile("WEEKLY\\(((?:MON|TUE|WED|THU|FRI|SAT|SUN)(?:,(?:MON|TUE|WED|THU|FRI|SAT|SUN))*)\\)");
        static final Pattern MONTHLY = Pattern.compile("MONTHLY\\(([1-9]|[12][0-9]|3[01])\\)");

        private Patterns() {
        }
    }
}
