package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2/min,  PT30S",
            "5/s,    PT0.2S",
            "1/s,    PT1S",
            "1 / sec, PT1S",
            "0.5/s,  PT2S",
            "60/h,   PT1M",
            "10/m,   PT6S",
            "1000/s, PT0.001S",
            "2/ms,   PT0.0005S"})
    void intervalBetweenMessages(String text, String interval) {
        assertEquals(Duration.parse(interval), Rate.parse(text).interval());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "2/day", "-1/s", "0/s", "two/min", "2/min/s"})
    void invalidRatesAreRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> Rate.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2/min", "5/s", "0.5/h", "3/ms"})
    void printsAsParsed(String text) {
        assertEquals(text, Rate.parse(text).toString());
    }
}
