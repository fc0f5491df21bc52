package org.smartcare.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Plan rules: parsing, their canonical text, and the days they fall on. */
class RecurrenceTest {

    @ParameterizedTest
    @CsvSource({
            "DAILY,            2026-03-01, true",   // a Sunday
            "WEEKDAYS,         2026-03-01, false",
            "WEEKDAYS,         2026-03-02, true",   // Monday
            "WEEKDAYS,         2026-03-06, true",   // Friday
            "WEEKDAYS,         2026-03-07, false",  // Saturday
            "'WEEKLY(THU,MON)', 2026-03-02, true",
            "'WEEKLY(THU,MON)', 2026-03-05, true",
            "'WEEKLY(THU,MON)', 2026-03-04, false",
            "MONTHLY(15),      2026-03-15, true",
            "MONTHLY(15),      2026-03-16, false",
            "MONTHLY(31),      2026-02-28, true",   // past the month's end: its last day
            "MONTHLY(31),      2028-02-28, false",  // leap year: the 29th is the last day
            "MONTHLY(31),      2028-02-29, true",
            "MONTHLY(30),      2026-03-31, false",
            "MONTHLY(31),      2026-03-31, true"})
    void fallsOn(String rule, LocalDate day, boolean expected) {
        assertEquals(expected, Recurrence.parse(rule).occursOn(day));
    }

    @ParameterizedTest
    @CsvSource({"daily, DAILY", "'WEEKLY(THU,MON)', 'WEEKLY(MON,THU)'", "' MONTHLY(7) ', MONTHLY(7)"})
    void formatsCanonically(String text, String canonical) {
        assertEquals(canonical, Recurrence.parse(text).format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "HOURLY", "WEEKLY()", "WEEKLY(MONDAY)", "MONTHLY(0)", "MONTHLY(32)", "WEEKLY(MON,)"})
    void refusesWhatIsNotARule(String text) {
        assertThrows(IllegalArgumentException.class, () -> Recurrence.parse(text));
    }
}
