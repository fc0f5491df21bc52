package org.smartcare.alert;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smartcare.device.Device;

/**
 * The sustained heart-rate and respiration rules. A batch of samples that could complete an episode (it starts
 * out of range, or is long enough, and the bed's stored samples leave room for a run) is judged against the bed's
 * stored samples of the last few minutes, so an episode spans messages, batches, restarts
 * and instances (whichever instance stores the sample that makes it sustained raises it). An episode is raised
 * once, identified by its first sample; a later episode folds into the open alert. A batch ending on a normal
 * reading clears the sign's alerts. Must run in the ingest transaction, after the samples are written.
 */
@Singleton
public class VitalsWatch {

    /** Beyond the longest sustain time, so the window always shows whether a run began inside it. */
    private static final Duration LOOKBACK_MARGIN = Duration.ofMinutes(2);
    /**
     * A stored bed_vitals row holds samples of less than a minute from its ts (its check constraint), so the rows
     * holding samples from t on start at t minus this or later.
     */
    private static final String ROW_SPAN = "interval '1 minute'";
    /**
     * Per bed, the latest stored sample before the new batch in which each sign does not count towards a run
     * (out of bed, not measured, or inside the MEDIUM bands); null when every sample in the window counts.
     */
    private static final String LAST_BREAKS = """
            SELECT c.i,
                   (SELECT v.ts FROM bed_vitals_samples v
                    WHERE v.device_id = c.device_id AND v.row_ts >= c.window_start - %1$s AND v.row_ts < c.new_from
                      AND v.ts >= c.window_start AND v.ts < c.new_from
                      AND NOT (v.in_bed AND v.heart_rate IS NOT NULL
                               AND (v.heart_rate < c.hr_below OR v.heart_rate > c.hr_above))
                    ORDER BY v.row_ts DESC, v.ts DESC LIMIT 1),
                   (SELECT v.ts FROM bed_vitals_samples v
                    WHERE v.device_id = c.device_id AND v.row_ts >= c.window_start - %1$s AND v.row_ts < c.new_from
                      AND v.ts >= c.window_start AND v.ts < c.new_from
                      AND NOT (v.in_bed AND v.respiration_rate IS NOT NULL
                               AND (v.respiration_rate < c.rr_below OR v.respiration_rate > c.rr_above))
                    ORDER BY v.row_ts DESC, v.ts DESC LIMIT 1)
            FROM unnest(?::int[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::int[], ?::int[], ?::int[], ?::int[])
                 AS c(i, device_id, window_start, new_from, hr_below, hr_above, rr_below, rr_above)"""
            .formatted(ROW_SPAN);
    private static final String RECENT = """
            SELECT device_id, ts, seq, heart_rate, respiration_rate, in_bed FROM bed_vitals_samples
            WHERE device_id = ANY(?) AND row_ts >= ?::timestamptz - %s AND row_ts <= ? AND ts >= ? AND ts <= ?
            ORDER BY device_id, ts, seq, sample_no""".formatted(ROW_SPAN);

    private final ConnectionOperations<Connection> connections;
    private final ThresholdLookup thresholds;
    private final AlertEngine engine;
    private final AlertClearing clearing;
    private final Duration maxGap;

    VitalsWatch(ConnectionOperations<Connection> connections, ThresholdLookup thresholds, AlertEngine engine,
                AlertClearing clearing, @Value("${smartcare.alerts.vitals-max-gap:10s}") Duration maxGap) {
        this.connections = connections;
        this.thresholds = thresholds;
        this.engine = engine;
        this.clearing = clearing;
        this.maxGap = maxGap;
    }

    public void onSamples(List<BedBatch> batches) {
        List<Judged> abnormal = new ArrayList<>();
        List<AlertClearing.Recovery> recovered = new ArrayList<>();
        for (BedBatch batch : batches) {
            if (batch.readings().isEmpty()) {
                continue;
            }
            AlertThresholds limits = thresholds.forDevice(batch.bed());
            List<VitalsReading> sorted = batch.inTimeOrder();
            VitalsReading last = sorted.getLast();
            boolean worthALook = false;
            for (VitalSign sign : VitalSign.values()) {
                worthALook |= SustainedVitals.mayCompleteEpisode(sign, sorted, limits);
                if (SustainedVitals.isNormal(sign, last, limits)) {
                    recovered.add(new AlertClearing.Recovery(batch.bed().id(), sign.rule(Severity.HIGH), last.at()));
                    recovered.add(new AlertClearing.Recovery(batch.bed().id(), sign.rule(Severity.MEDIUM), last.at()));
                }
            }
            if (worthALook) {
                Duration lookback = limits.longestSustain().plus(LOOKBACK_MARGIN);
                abnormal.add(new Judged(batch.bed(), limits, sorted.getFirst().at(), last.at(),
                        sorted.getFirst().at().minus(lookback)));
            }
        }
        if (!abnormal.isEmpty()) {
            raiseSustained(abnormal);
        }
        clearing.clear(recovered, "vitals back in range");
    }

    private void raiseSustained(List<Judged> candidates) {
        List<Judged> beds = withRoomForARun(candidates);
        if (beds.isEmpty()) {
            return;
        }
        Map<String, List<VitalsReading>> recent = recent(beds);
        for (Judged bed : beds) {
            List<VitalsReading> readings = recent.getOrDefault(bed.device().id(), List.of()).stream()
                    .filter(r -> !r.at().isBefore(bed.windowStart()) && !r.at().isAfter(bed.to())).toList();
            for (VitalSign sign : VitalSign.values()) {
                for (SustainedVitals.Episode episode : SustainedVitals.find(sign, readings, bed.limits(), maxGap,
                        bed.windowStart(), bed.from())) {
                    engine.raise(sign.rule(episode.severity()), new EventRule.Raise(sign.kind(), episode.severity()),
                            bed.device(), episode.startedAt(), episode.startSeq());
                }
            }
        }
    }

    /**
     * The beds whose stored samples leave room for a sustained run to complete in the new batch. A reading that
     * does not count breaks every run through it (a gap only shortens runs further), so a run reported now began
     * after the bed's last such reading before the batch; when that is less than the shortest sustain time before
     * the batch's end, no episode can complete. Finding that reading walks the bed's index backwards a few rows,
     * where reading the whole window back is hundreds: at night many sleeping elders' heart rates dip into the
     * MEDIUM band now and then, and the full look-backs became most of the database's work. It is taken from the
     * latest stored row that holds one; should rows of two messages overlap in time, an earlier reading may be
     * found, which only keeps the bed for the full look at its window.
     */
    private List<Judged> withRoomForARun(List<Judged> beds) {
        Connection connection = connections.getConnectionStatus().getConnection();
        int n = beds.size();
        Object[] index = new Object[n];
        Object[] devices = new Object[n];
        Object[] windowStarts = new Object[n];
        Object[] newFrom = new Object[n];
        Object[][] bands = new Object[4][n];
        for (int i = 0; i < n; i++) {
            Judged bed = beds.get(i);
            index[i] = i;
            devices[i] = bed.device().id();
            windowStarts[i] = bed.windowStart().toString();
            newFrom[i] = bed.from().toString();
            VitalBands heart = bed.limits().heartRate();
            VitalBands breath = bed.limits().respiration();
            bands[0][i] = heart.mediumBelow();
            bands[1][i] = heart.mediumAbove();
            bands[2][i] = breath.mediumBelow();
            bands[3][i] = breath.mediumAbove();
        }
        List<Judged> kept = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(LAST_BREAKS)) {
            select.setArray(1, connection.createArrayOf("int4", index));
            select.setArray(2, connection.createArrayOf("text", devices));
            select.setArray(3, connection.createArrayOf("text", windowStarts));
            select.setArray(4, connection.createArrayOf("text", newFrom));
            for (int b = 0; b < 4; b++) {
                select.setArray(5 + b, connection.createArrayOf("int4", bands[b]));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Judged bed = beds.get(rows.getInt(1));
                    if (roomForARun(rows.getTimestamp(2), bed) || roomForARun(rows.getTimestamp(3), bed)) {
                        kept.add(bed);
                    }
                }
            }
        } catch (SQLException e) {
            throw new AlertStoreException("finding the last normal samples of " + n + " beds", e);
        }
        return kept;
    }

    /** No breaking reading in the window (a run may span it all), or the last one far enough back. */
    private static boolean roomForARun(@Nullable Timestamp lastBreak, Judged bed) {
        if (lastBreak == null) {
            return true;
        }
        return Duration.between(lastBreak.toInstant(), bed.to()).compareTo(bed.limits().shortestSustain()) >= 0;
    }

    /** The samples of every bed over the union of their windows, in one statement. */
    private Map<String, List<VitalsReading>> recent(List<Judged> beds) {
        Instant from = beds.stream().map(Judged::windowStart).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = beds.stream().map(Judged::to).max(Comparator.naturalOrder()).orElseThrow();
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement select = connection.prepareStatement(RECENT)) {
            Array ids = connection.createArrayOf("text", beds.stream().map(b -> b.device().id()).distinct().toArray());
            select.setArray(1, ids);
            select.setTimestamp(2, Timestamp.from(from));
            select.setTimestamp(3, Timestamp.from(to));
            select.setTimestamp(4, Timestamp.from(from));
            select.setTimestamp(5, Timestamp.from(to));
            Map<String, List<VitalsReading>> byBed = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byBed.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(new VitalsReading(
                            rows.getTimestamp(2).toInstant(), rows.getLong(3), rows.getObject(4, Integer.class),
                            rows.getObject(5, Integer.class), rows.getBoolean(6)));
                }
            }
            return byBed;
        } catch (SQLException e) {
            throw new AlertStoreException("reading recent vitals of " + beds.size() + " beds", e);
        }
    }

    private record Judged(Device device, AlertThresholds limits, Instant from, Instant to, Instant windowStart) {
    }
}
