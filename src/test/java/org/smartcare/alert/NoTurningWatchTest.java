package org.smartcare.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a no-turning watch starts within a batch of samples, and when a batch ends it instead. */
class NoTurningWatchTest {

    private static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");

    @ParameterizedTest(name = "{0} -> since sample {1}")
    @CsvSource({"IIII, 0", "OOII, 2", "IOII, 2", "IIIO, -1", "OOOO, -1", "I, 0"})
    void watchStartsAtTheLastSpellInBed(String pattern, int expected) {
        List<VitalsReading> readings = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            readings.add(new VitalsReading(T0.plusSeconds(i), 7, 66, 14, pattern.charAt(i) == 'I'));
        }
        Collections.reverse(readings); // order of arrival does not matter
        Optional<Instant> since = NoTurningWatch.inBedSince(new BedBatch(null, readings).inTimeOrder())
                .map(VitalsReading::at);
        assertEquals(expected < 0 ? Optional.empty() : Optional.of(T0.plusSeconds(expected)), since);
    }
}
