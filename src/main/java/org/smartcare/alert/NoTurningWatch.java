package org.smartcare.alert;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.smartcare.device.Device;

/**
 * Pressure-ulcer watch for elders with severe or complete loss of ability: time in bed starts a durable timer
 * (due after the elder's no-turning threshold, 2 h by default), a turn restarts it, getting out of bed cancels
 * it. A turn or a bed exit also clears the NO_TURNING alert a due timer raised. Timers of other elders are never
 * started: the statement itself checks the elder's ability level. Runs in the ingest transaction.
 */
@Singleton
public class NoTurningWatch {

    static final String KIND = "NO_TURNING";
    /**
     * After a watch fired, the next one is due a whole period after it at the earliest, even when the samples that
     * start it are older (late or backdated): one reminder per period, not one per late message.
     */
    private static final String START = """
            INSERT INTO alert_timer (kind, device_id, due_at, source_ts, source_seq)
            SELECT 'NO_TURNING', s.device_id,
                   greatest(s.due_at, (SELECT max(f.due_at) FROM alert_timer f WHERE f.kind = 'NO_TURNING'
                                         AND f.device_id = s.device_id AND f.fired_at IS NOT NULL)
                                      + (s.due_at - s.since)),
                   s.since, s.seq
            FROM unnest(?::text[], ?::timestamptz[], ?::timestamptz[], ?::bigint[]) AS s(device_id, due_at, since, seq)
            JOIN device d ON d.id = s.device_id JOIN elder e ON e.id = d.elder_id
            WHERE e.ability_level IN ('SEVERE_LOSS', 'COMPLETE_LOSS')
            ON CONFLICT DO NOTHING""";
    private static final String CANCEL = """
            UPDATE alert_timer t SET cancelled_at = now()
            FROM unnest(?::text[], ?::timestamptz[]) AS c(device_id, at)
            WHERE t.kind = 'NO_TURNING' AND t.device_id = c.device_id AND t.fired_at IS NULL AND t.cancelled_at IS NULL
              AND t.source_ts <= c.at""";

    private final ConnectionOperations<Connection> connections;
    private final ThresholdLookup thresholds;
    private final AlertClearing clearing;

    NoTurningWatch(ConnectionOperations<Connection> connections, ThresholdLookup thresholds, AlertClearing clearing) {
        this.connections = connections;
        this.thresholds = thresholds;
        this.clearing = clearing;
    }

    /** Samples: in bed starts a watch where none runs; a batch ending out of bed ends it. */
    public void onSamples(List<BedBatch> batches) {
        List<Start> starts = new ArrayList<>();
        List<Stop> stops = new ArrayList<>();
        for (BedBatch batch : batches) {
            if (batch.readings().isEmpty()) {
                continue;
            }
            List<VitalsReading> sorted = batch.inTimeOrder();
            Optional<VitalsReading> since = inBedSince(sorted);
            if (since.isPresent()) {
                starts.add(start(batch.bed(), since.get().at(), since.get().seq()));
            } else {
                stops.add(new Stop(batch.bed().id(), sorted.getLast().at()));
            }
        }
        cancel(stops);
        begin(starts);
    }

    /**
     * The first sample of the batch's last spell in bed (readings in time order), where a watch would start;
     * empty when the batch ends out of bed (which ends the watch).
     */
    static Optional<VitalsReading> inBedSince(List<VitalsReading> sorted) {
        VitalsReading since = null;
        for (int i = sorted.size() - 1; i >= 0 && sorted.get(i).inBed(); i--) {
            since = sorted.get(i);
        }
        return Optional.ofNullable(since);
    }

    /** A turn: the watch starts over from it, and an alert it raised is cleared. */
    void turned(Device bed, Instant at, long seq) {
        cancel(List.of(new Stop(bed.id(), at)));
        begin(List.of(start(bed, at, seq)));
        clearing.clear(List.of(new AlertClearing.Recovery(bed.id(), RuleId.NO_TURNING, at)), "turned");
    }

    /** Out of bed: no watch until back in bed, and an alert it raised is cleared. */
    void exited(Device bed, Instant at) {
        cancel(List.of(new Stop(bed.id(), at)));
        clearing.clear(List.of(new AlertClearing.Recovery(bed.id(), RuleId.NO_TURNING, at)), "out of bed");
    }

    /** Back in bed: the watch starts. */
    void returned(Device bed, Instant at, long seq) {
        begin(List.of(start(bed, at, seq)));
    }

    private Start start(Device bed, Instant since, long seq) {
        return new Start(bed.id(), since.plus(thresholds.forDevice(bed).noTurning()), since, seq);
    }

    private void begin(List<Start> unordered) {
        if (unordered.isEmpty()) {
            return;
        }
        // One order for every transaction, so two batches starting watches of the same beds cannot deadlock.
        List<Start> starts = unordered.stream().sorted(Comparator.comparing(Start::deviceId)).toList();
        execute(START, "starting no-turning watches", new Object[][] {
                starts.stream().map(Start::deviceId).toArray(),
                starts.stream().map(s -> s.dueAt().toString()).toArray(),
                starts.stream().map(s -> s.since().toString()).toArray(),
                starts.stream().map(Start::seq).toArray()}, "text", "text", "text", "int8");
    }

    private void cancel(List<Stop> unordered) {
        if (unordered.isEmpty()) {
            return;
        }
        List<Stop> stops = unordered.stream().sorted(Comparator.comparing(Stop::deviceId)).toList();
        execute(CANCEL, "ending no-turning watches", new Object[][] {
                stops.stream().map(Stop::deviceId).toArray(),
                stops.stream().map(s -> s.at().toString()).toArray()}, "text", "text");
    }

    private void execute(String sql, String what, Object[][] values, String... types) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setArray(i + 1, connection.createArrayOf(types[i], values[i]));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new AlertStoreException(what, e);
        }
    }

    private record Start(String deviceId, Instant dueAt, Instant since, long seq) {
    }

    private record Stop(String deviceId, Instant at) {
    }
}
