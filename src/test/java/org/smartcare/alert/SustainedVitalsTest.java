package org.smartcare.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sustained heart-rate and respiration rules over 1 Hz samples, written as a timeline: each segment is
 * {@code <seconds>x<reading>}, a reading being a rate, {@code out} (out of bed), {@code -} (not measured) or
 * {@code gap} (no samples at all). The new batch is the last 10 s of the timeline.
 */
class SustainedVitalsTest {

    private static final AlertThresholds DEFAULTS = AlertThresholds.defaults(new AlertPolicy(Duration.ofSeconds(60),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofSeconds(30), 20, 15));
    private static final Duration MAX_GAP = Duration.ofSeconds(10);
    private static final Instant WINDOW_START = Instant.parse("2026-11-22T02:00:00Z");
    private static final Instant FIRST_SAMPLE = WINDOW_START.plusSeconds(60);

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "HEART_RATE  | 61x40                      | HIGH",
            "HEART_RATE  | 60x40                      | ''",
            "HEART_RATE  | 61x116                     | HIGH",
            "HEART_RATE  | 61x115                     | ''",
            "HEART_RATE  | 61x45                      | ''",
            "HEART_RATE  | 30x40 1x70 30x40            | ''",
            "HEART_RATE  | 30x40 1xout 30x40           | ''",
            "HEART_RATE  | 30x40 1x- 30x40             | ''",
            "HEART_RATE  | 30x40 11xgap 30x40          | ''",
            "HEART_RATE  | 30x40 9xgap 30x40           | HIGH",
            "HEART_RATE  | 301x50                     | MEDIUM",
            "HEART_RATE  | 299x50                     | ''",
            "HEART_RATE  | 301x96                     | MEDIUM",
            "HEART_RATE  | 301x95                     | ''",
            "HEART_RATE  | 301x55                     | ''",
            "HEART_RATE  | 150x50 151x40              | HIGH",
            "HEART_RATE  | 61x40 300x50               | ''",
            "HEART_RATE  | 61x40 1x70 301x50          | MEDIUM",
            "HEART_RATE  | 59x40 1x50 59x40 190x50     | MEDIUM",
            "HEART_RATE  | 150x50 1x70 150x50         | ''",
            "HEART_RATE  | 90x40 20x70                | ''",
            "HEART_RATE  | 61x40 9x70                 | HIGH",
            "RESPIRATION | 61x7                       | HIGH",
            "RESPIRATION | 61x27                      | HIGH",
            "RESPIRATION | 61x8                       | ''",
            "RESPIRATION | 61x26                      | ''",
            "RESPIRATION | 301x9                      | MEDIUM",
            "RESPIRATION | 301x24                     | MEDIUM",
            "RESPIRATION | 301x10                     | ''",
            "RESPIRATION | 301x23                     | ''"})
    void raisesOnlySustainedEpisodes(VitalSign sign, String timeline, String expected) {
        List<VitalsReading> readings = timeline(sign, timeline);
        Instant newFrom = readings.getLast().at().minusSeconds(9);
        String found = SustainedVitals.find(sign, readings, DEFAULTS, MAX_GAP, WINDOW_START, newFrom).stream()
                .map(e -> e.severity().name()).collect(Collectors.joining(" "));
        assertEquals(expected, found);
    }

    @ParameterizedTest(name = "run starting {0}s after the window start -> {1}")
    @CsvSource({"60, 1", "5, 0"})
    void anEpisodeThatMayHaveBegunBeforeTheWindowWasReportedAlready(int startOffset, int episodes) {
        List<VitalsReading> readings = new ArrayList<>();
        for (int s = 0; s < 120; s++) {
            readings.add(new VitalsReading(WINDOW_START.plusSeconds(startOffset + s), 1, 40, 14, true));
        }
        assertEquals(episodes, SustainedVitals.find(VitalSign.HEART_RATE, readings, DEFAULTS, MAX_GAP, WINDOW_START,
                readings.getLast().at()).size());
    }

    @ParameterizedTest
    @CsvSource({"70, 14, true, true", "40, 14, true, false", "70, 30, true, true", "70, 14, false, false"})
    void normalReadingsClearTheirSign(int heartRate, int respiration, boolean inBed, boolean heartNormal) {
        VitalsReading reading = new VitalsReading(FIRST_SAMPLE, 1, heartRate, respiration, inBed);
        assertEquals(heartNormal, SustainedVitals.isNormal(VitalSign.HEART_RATE, reading, DEFAULTS));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"HEART_RATE, 70 70 70, false", "HEART_RATE, 70 96 70, true", "HEART_RATE, 70 30 -, true",
            "RESPIRATION, 14 14, false", "RESPIRATION, 14 7, true", "HEART_RATE, - -, false"})
    void aBatchIsWorthALookBackWhenAnyReadingIsOutOfRange(VitalSign sign, String rates, boolean expected) {
        List<VitalsReading> readings = new ArrayList<>();
        String[] values = rates.split(" ");
        for (int i = 0; i < values.length; i++) {
            Integer rate = values[i].equals("-") ? null : Integer.valueOf(values[i]);
            readings.add(sign == VitalSign.HEART_RATE
                    ? new VitalsReading(FIRST_SAMPLE.plusSeconds(i), 1, rate, 14, true)
                    : new VitalsReading(FIRST_SAMPLE.plusSeconds(i), 1, 70, rate, true));
        }
        assertEquals(expected, SustainedVitals.anyAbnormal(sign, readings, DEFAULTS));
    }

    @ParameterizedTest(name = "{0} over {1} s -> {2}")
    @CsvSource({
            "70 50 50 50, 9, false",   // starts normal, shorter than a minute: no run can last its sustain time
            "50 50 70 70, 9, true",    // starts abnormal: may continue a run from earlier batches
            "70 50 50 50, 90, true",   // starts normal but long enough for a run inside it
            "70 70 70 70, 90, false",  // nothing abnormal at all
            "70 30 70 70, 9, false"})
    void onlyABatchThatCouldCompleteAnEpisodeIsWorthReadingBackFor(String rates, int spanSeconds, boolean expected) {
        String[] values = rates.split(" ");
        List<VitalsReading> readings = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            readings.add(new VitalsReading(FIRST_SAMPLE.plusMillis(1000L * spanSeconds * i / (values.length - 1)), 1,
                    Integer.valueOf(values[i]), 14, true));
        }
        assertEquals(expected, SustainedVitals.mayCompleteEpisode(VitalSign.HEART_RATE, readings, DEFAULTS));
    }

    @Test
    void laterBatchesOfOneEpisodeFindTheSameEpisode() {
        List<VitalsReading> readings = timeline(VitalSign.HEART_RATE, "61x40");
        List<SustainedVitals.Episode> first = SustainedVitals.find(VitalSign.HEART_RATE, readings, DEFAULTS, MAX_GAP,
                WINDOW_START, readings.getLast().at());
        readings.addAll(timeline(VitalSign.HEART_RATE, "10x40").stream()
                .map(r -> new VitalsReading(r.at().plusSeconds(61), 2, r.heartRate(), r.respirationRate(), true)).toList());
        List<SustainedVitals.Episode> later = SustainedVitals.find(VitalSign.HEART_RATE, readings, DEFAULTS, MAX_GAP,
                WINDOW_START, readings.getLast().at());
        assertEquals(first, later);
        assertEquals(FIRST_SAMPLE, later.getFirst().startedAt());
    }

    private static List<VitalsReading> timeline(VitalSign sign, String timeline) {
        List<VitalsReading> readings = new ArrayList<>();
        Instant at = FIRST_SAMPLE;
        for (String segment : timeline.trim().split("\\s+")) {
            int seconds = Integer.parseInt(segment.substring(0, segment.indexOf('x')));
            String value = segment.substring(segment.indexOf('x') + 1);
            for (int s = 0; s < seconds; s++, at = at.plusSeconds(1)) {
                if (value.equals("gap")) {
                    continue;
                }
                Integer rate = value.equals("out") || value.equals("-") ? null : Integer.valueOf(value);
                boolean inBed = !value.equals("out");
                readings.add(sign == VitalSign.HEART_RATE ? new VitalsReading(at, 1, rate, 14, inBed)
                        : new VitalsReading(at, 1, 70, rate, inBed));
            }
        }
        return readings;
    }
}
