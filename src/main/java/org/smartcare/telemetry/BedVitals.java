package org.smartcare.telemetry;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One row of bed_vitals: the samples of a message taken within one minute, at {@code ts} plus each sample's offset
 * (ascending, the first 0). (deviceId, ts, seq) identifies the row.
 */
public record BedVitals(String deviceId, Instant ts, long seq, List<Sample> samples) {

    /** No row spans this long (the table's check holds it), so readers look back this far before a range. */
    public static final Duration ROW_SPAN = Duration.ofMinutes(1);

    /** A sample, offset from its row's ts (from its message's ts when given to {@link #rowsOf}). */
    public record Sample(int offsetMs, @Nullable Integer heartRate, @Nullable Integer respirationRate, boolean inBed,
                         @Nullable Integer movement) {
    }

    /**
     * The rows of one message: its samples in time order (ties in message order), split by whole minutes after the
     * first sample. The split depends on the message alone, so a redelivered message makes the same rows.
     */
    public static List<BedVitals> rowsOf(String deviceId, Instant messageTs, long seq, List<Sample> samples) {
        if (isOneRow(samples)) { // nearly every message: taken as it is, on the ingest's hot path
            return List.of(new BedVitals(deviceId, messageTs, seq, samples));
        }
        List<Sample> sorted = samples.stream().sorted(Comparator.comparingInt(Sample::offsetMs)).toList();
        long spanMs = ROW_SPAN.toMillis();
        int first = sorted.getFirst().offsetMs();
        List<BedVitals> rows = new ArrayList<>(1);
        int start = 0;
        while (start < sorted.size()) {
            int rowFirst = sorted.get(start).offsetMs();
            long minute = (rowFirst - first) / spanMs;
            List<Sample> row = new ArrayList<>();
            int i = start;
            for (; i < sorted.size() && (sorted.get(i).offsetMs() - first) / spanMs == minute; i++) {
                Sample s = sorted.get(i);
                row.add(new Sample(s.offsetMs() - rowFirst, s.heartRate(), s.respirationRate(), s.inBed(),
                        s.movement()));
            }
            rows.add(new BedVitals(deviceId, messageTs.plusMillis(rowFirst), seq, List.copyOf(row)));
            start = i;
        }
        return rows;
    }

    /** Ascending offsets from 0 and all within a minute: the samples already make one row at the message's ts. */
    private static boolean isOneRow(List<Sample> samples) {
        if (samples.getFirst().offsetMs() != 0 || samples.getLast().offsetMs() >= ROW_SPAN.toMillis()) {
            return false;
        }
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).offsetMs() < samples.get(i - 1).offsetMs()) {
                return false;
            }
        }
        return true;
    }
}
