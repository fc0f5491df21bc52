package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "10m,    PT10M",
            "90s,    PT1M30S",
            "1h30m,  PT1H30M",
            "500ms,  PT0.5S",
            "1d,     PT24H",
            "PT10M,  PT10M",
            "' 2m ', PT2M"})
    void parsesHumanAndIsoDurations(String text, String expected) {
        assertEquals(Duration.parse(expected), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "m", "10 m", "10x", "0s", "PT0S", "P-1D", "1h-5m", "PTfoo"})
    void invalidDurationsAreRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10m, 10m", "90s, 1m30s", "1h30m, 1h30m", "500ms, 500ms", "1d2h, 1d2h", "2h0m5s, 2h5s", "PT10M, 10m"})
    void formatsBackToWhatParses(String text, String formatted) {
        Duration duration = Durations.parse(text);

        assertEquals(formatted, Durations.format(duration));
        assertEquals(duration, Durations.parse(formatted));
    }
}
