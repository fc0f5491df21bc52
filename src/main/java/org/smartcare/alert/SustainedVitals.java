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
        Run high = new Run(Severity.HIGH);
        Run medium = new Run(Severity.MEDIUM);
        Episode highEpisode = null;
        Episode mediumEpisode = null;
        VitalsReading previous = null;
        for (VitalsReading reading : readings) {
            boolean gap = previous != null && Duration.between(previous.at(), reading.at()).compareTo(maxGap) > 0;
            boolean mediumRestarted = medium.advance(reading, gap, sign, thresholds);
            high.advance(reading, gap, sign, thresholds);
            previous = reading;
            if (mediumRestarted) {
                medium.containsSustainedHigh = false;
            }
            if (high.sustained(reading, thresholds)) {
                medium.containsSustainedHigh = true;
                if (high.reportable(reading, windowStart, newFrom, maxGap)) {
                    highEpisode = high.episode();
                }
            }
            if (medium.sustained(reading, thresholds) && !medium.containsSustainedHigh
                    && medium.reportable(reading, windowStart, newFrom, maxGap)) {
                mediumEpisode = medium.episode();
            }
        }
        List<Episode> found = new ArrayList<>();
        if (highEpisode != null) {
            found.add(highEpisode);
        }
        if (mediumEpisode != null) {
            found.add(mediumEpisode);
        }
        return found;
    }

    /** Whether the reading is normal for the sign (measured, in bed, inside the bands). */
    static boolean isNormal(VitalSign sign, VitalsReading reading, AlertThresholds thresholds) {
        Integer value = sign.of(reading);
        return reading.inBed() && value != null && thresholds.bands(sign).classify(value) == null;
    }

    /**
     * Whether new readings (in time order) could complete an episode of the sign, so that the bed's recent samples
     * are worth reading. A reading that does not count breaks every run through it: when the batch's first reading
     * does not count, a run that becomes sustained within the batch lies inside it, and cannot last its sustain
     * time when the batch is shorter than that. At night many sleeping elders' heart rates touch the MEDIUM band
     * now and then, and reading five minutes of samples for every such batch overloaded the database.
     */
    static boolean mayCompleteEpisode(VitalSign sign, List<VitalsReading> sorted, AlertThresholds thresholds) {
        if (counts(sign, sorted.getFirst(), thresholds.bands(sign), Severity.MEDIUM)) {
            return true;
        }
        Duration span = Duration.between(sorted.getFirst().at(), sorted.getLast().at());
        return span.compareTo(thresholds.shortestSustain()) >= 0 && anyAbnormal(sign, sorted, thresholds);
    }

    /** Whether any of the readings is out of range for the sign. */
    static boolean anyAbnormal(VitalSign sign, List<VitalsReading> readings, AlertThresholds thresholds) {
        VitalBands bands = thresholds.bands(sign);
        for (VitalsReading reading : readings) {
            if (counts(sign, reading, bands, Severity.MEDIUM)) {
                return true;
            }
        }
        return false;
    }

    private static boolean counts(VitalSign sign, VitalsReading reading, VitalBands bands, Severity atLeast) {
        Integer value = sign.of(reading);
        if (!reading.inBed() || value == null) {
            return false;
        }
        Severity severity = bands.classify(value);
        return severity != null && severity.compareTo(atLeast) <= 0;
    }

    /** The current run of readings at or above one severity. */
    private static final class Run {

        private final Severity atLeast;
        private VitalsReading start;
        private boolean containsSustainedHigh;

        Run(Severity atLeast) {
            this.atLeast = atLeast;
        }

        /** Takes the next reading; returns whether it starts a new run. */
        boolean advance(VitalsReading reading, boolean afterGap, VitalSign sign, AlertThresholds thresholds) {
            if (!counts(sign, reading, thresholds.bands(sign), atLeast)) {
                start = null;
                return false;
            }
            if (start == null || afterGap) {
                start = reading;
                return true;
            }
            return false;
        }

        boolean sustained(VitalsReading latest, AlertThresholds thresholds) {
            return start != null && Duration.between(start.at(), latest.at()).compareTo(thresholds.sustain(atLeast)) >= 0;
        }

        /** Reaches into the new samples, and surely began inside the window (else an earlier batch reported it). */
        boolean reportable(VitalsReading latest, Instant windowStart, Instant newFrom, Duration maxGap) {
            return !latest.at().isBefore(newFrom) && Duration.between(windowStart, start.at()).compareTo(maxGap) > 0;
        }

        Episode episode() {
            return new Episode(atLeast, start.at(), start.seq());
        }
    }
}
