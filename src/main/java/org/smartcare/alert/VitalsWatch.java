package org.smartcare.alert;

import io.micronaut.context.annotation.Value;
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
 * The sustained heart-rate and respiration rules. A batch of samples with any out-of-range reading is judged
 * against the bed's stored samples of the last few minutes, so an episode spans messages, batches, restarts
 * and instances (whichever instance stores the sample that makes it sustained raises it). An episode is raised
 * once, identified by its first sample; a later episode folds into the open alert. A batch ending on a normal
 * reading clears the sign's alerts. Must run in the ingest transaction, after the samples are written.
 */
@Singleton
public class VitalsWatch {

    /** Beyond the longest sustain time, so the window always shows whether a run began inside it. */
    private static final Duration LOOKBACK_MARGIN = Duration.ofMinutes(2);
    private static final String RECENT = """
            SELECT device_id, ts, seq, heart_rate, respiration_rate, in_bed FROM bed_vitals
            WHERE device_id = ANY(?) AND ts >= ? AND ts <= ?
            ORDER BY device_id, ts, seq, sample""";

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
                Duration lookback = max(limits.highSustain(), limits.mediumSustain()).plus(LOOKBACK_MARGIN);
                abnormal.add(new Judged(batch.bed(), limits, sorted.getFirst().at(), last.at(),
                        sorted.getFirst().at().minus(lookback)));
            }
        }
        if (!abnormal.isEmpty()) {
            raiseSustained(abnormal);
        }
        clearing.clear(recovered, "vitals back in range");
    }

    private void raiseSustained(List<Judged> beds) {
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

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private record Judged(Device device, AlertThresholds limits, Instant from, Instant to, Instant windowStart) {
    }
}
