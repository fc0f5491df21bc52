package org.smartcare.telemetry;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Time-bucketed vitals of a set of bed sensors (an elder's), straight from the hypertables. */
@Singleton
public class VitalsQueries {

    /** Gaps longer than this between samples (sensor off, no data) do not count as time in bed. */
    static final int MAX_GAP_SECONDS = 10;

    private static final String VITALS = """
            WITH s AS (
                SELECT ts, heart_rate, respiration_rate, in_bed,
                       LEAST(EXTRACT(EPOCH FROM lead(ts) OVER (PARTITION BY device_id ORDER BY ts) - ts), %d) AS gap
                FROM bed_vitals_samples
                WHERE device_id = ANY (?) AND row_ts >= ? AND row_ts < ? AND ts >= ? AND ts < ?)
            SELECT time_bucket(?::interval, ts, ?::timestamptz) AS bucket,
                   avg(heart_rate) AS hr_avg, min(heart_rate) AS hr_min, max(heart_rate) AS hr_max,
                   avg(respiration_rate) AS rr_avg, min(respiration_rate) AS rr_min, max(respiration_rate) AS rr_max,
                   coalesce(sum(gap) FILTER (WHERE in_bed), 0) / 60.0 AS minutes_in_bed, count(*) AS samples
            FROM s GROUP BY bucket ORDER BY bucket""".formatted(MAX_GAP_SECONDS);
    private static final String EXITS = """
            SELECT time_bucket(?::interval, device_ts, ?::timestamptz) AS bucket, count(*) AS exits
            FROM device_event WHERE device_id = ANY (?) AND type = 'bed_exit' AND device_ts >= ? AND device_ts < ?
            GROUP BY bucket""";

    private final ConnectionOperations<Connection> connections;

    VitalsQueries(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** Buckets aligned to {@code from}; buckets without samples or exits are left out. */
    @Transactional(readOnly = true)
    public List<VitalsBucket> buckets(Collection<String> bedSensorIds, Instant from, Instant to, Duration bucket) {
        if (bedSensorIds.isEmpty()) {
            return List.of();
        }
        Connection connection = connections.getConnectionStatus().getConnection();
        String interval = bucket.toSeconds() + " seconds";
        Map<Instant, VitalsBucket> buckets = new TreeMap<>();
        try {
            try (PreparedStatement query = connection.prepareStatement(VITALS)) {
                query.setArray(1, connection.createArrayOf("text", bedSensorIds.toArray()));
                query.setTimestamp(2, Timestamp.from(from.minus(BedVitals.ROW_SPAN)));
                query.setTimestamp(3, Timestamp.from(to));
                query.setTimestamp(4, Timestamp.from(from));
                query.setTimestamp(5, Timestamp.from(to));
                query.setString(6, interval);
                query.setTimestamp(7, Timestamp.from(from));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Instant start = rows.getTimestamp("bucket").toInstant();
                        buckets.put(start, new VitalsBucket(start, stats(rows, "hr"), stats(rows, "rr"),
                                rows.getDouble("minutes_in_bed"), 0, rows.getInt("samples")));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement(EXITS)) {
                query.setString(1, interval);
                query.setTimestamp(2, Timestamp.from(from));
                query.setArray(3, connection.createArrayOf("text", bedSensorIds.toArray()));
                query.setTimestamp(4, Timestamp.from(from));
                query.setTimestamp(5, Timestamp.from(to));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Instant start = rows.getTimestamp("bucket").toInstant();
                        int exits = rows.getInt("exits");
                        buckets.merge(start, new VitalsBucket(start, null, null, 0, exits, 0),
                                (have, add) -> new VitalsBucket(start, have.heartRate(), have.respirationRate(),
                                        have.minutesInBed(), exits, have.samples()));
                    }
                }
            }
            return new ArrayList<>(buckets.values());
        } catch (SQLException e) {
            throw new TelemetryStoreException("reading vitals", e);
        }
    }

    private static VitalsBucket.Stats stats(ResultSet rows, String prefix) throws SQLException {
        double avg = rows.getDouble(prefix + "_avg");
        if (rows.wasNull()) {
            return null;
        }
        return new VitalsBucket.Stats(avg, rows.getInt(prefix + "_min"), rows.getInt(prefix + "_max"));
    }
}
