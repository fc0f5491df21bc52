package org.smartcare.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds episodes of a vital sign staying out of range long enough for an alert, in a bed's recent samples.
 * A run is broken by a normal reading, a reading that is missing or taken out of bed, or a gap between
 * samples longer than {@code maxGap}. A severe reading also counts towards the abnormal (MEDIUM) run: a rate
 * that swings between the two bands is still abnormal the whole time.
 */
final class SustainedVitals {

    private SustainedVitals() {
    }

    /** A sustained episode: its first sample identifies it, so later batches of the same episode fold into nothing. */
    record Episode(Severity severity, Instant startedAt, long startSeq) {
    }

    /**
     * @param readings   the bed's samples from {@code windowStart} on, in time order
     * @param newFrom    the earliest sample of the batch being evaluated: only runs that reach into it count
     * @return at most one episode per severity: the latest run that lasted its sustain time, reaches into the new
     *         samples and starts inside the window (a run that may have begun before the window has lasted longer
     *         than the window, so an earlier batch reported it already)
     */
    static List<Episode> find(VitalSign sign, List<VitalsReading> readings, AlertThresholds thresholds,
                              Duration maxGap, Instant windowStart, Instant newFrom) {
        List<Episode> found = new ArrayList<>();
        for (Severity severity : List.of(Severity.HIGH, Severity.MEDIUM)) {
            Episode latest = null;
            VitalsReading runStart = null;
            VitalsReading previous = null;
            for (VitalsReading reading : readings) {
                if (!counts(sign, reading, thresholds.bands(sign), severity)) {
                    runStart = null;
                } else if (runStart == null || Duration.between(previous.at(), reading.at()).compareTo(maxGap) > 0) {
                    runStart = reading;
                }
                previous = reading;
                if (runStart != null && !reading.at().isBefore(newFrom)
                        && Duration.between(runStart.at(), reading.at()).compareTo(thresholds.sustain(severity)) >= 0
                        && Duration.between(windowStart, runStart.at()).compareTo(maxGap) > 0) {
                    latest = new Episode(severity, runStart.at(), runStart.seq());
                }
            }
            if (latest != null) {
                found.add(latest);
            }
        }
        return found;
    }

    /** Whether the reading is normal for the sign (measured, in bed, inside the bands). */
    static boolean isNormal(VitalSign sign, VitalsReading reading, AlertThresholds thresholds) {
        Integer value = sign.of(reading);
        return reading.inBed() && value != null && thresholds.bands(sign).classify(value) == null;
    }

    /** Whether the reading is out of range for the sign at all. */
    static boolean isAbnormal(VitalSign sign, VitalsReading reading, AlertThresholds thresholds) {
        return counts(sign, reading, thresholds.bands(sign), Severity.MEDIUM);
    }

    private static boolean counts(VitalSign sign, VitalsReading reading, VitalBands bands, Severity atLeast) {
        Integer value = sign.of(reading);
        if (!reading.inBed() || value == null) {
            return false;
        }
        Severity severity = bands.classify(value);
        return severity != null && severity.compareTo(atLeast) <= 0;
    }
}
