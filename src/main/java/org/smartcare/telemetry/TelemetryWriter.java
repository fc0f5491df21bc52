package org.smartcare.telemetry;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a batch into the typed hypertables: bed vitals by binary COPY ({@link CopyVitalsWriter}), or by a batch
 * of inserts when it holds a redelivered row; the rest by one multi-row statement per table (arrays unnested by
 * the server), each idempotent through the table's identity index. Must run inside the caller's transaction.
 */
@Singleton
public class TelemetryWriter {

    /** Rows of arrays do not unnest into rows: one statement per row, sent as one JDBC batch. */
    private static final String BED = """
            INSERT INTO bed_vitals (ts, device_id, seq, offset_ms, heart_rate, respiration_rate, in_bed, movement)
            VALUES (?::timestamptz, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String BUTTON = """
            INSERT INTO button_heartbeat (ts, device_id, seq, battery, signal_dbm, latitude, longitude, accuracy_m)
            SELECT * FROM unnest(?::timestamptz[], ?::text[], ?::bigint[], ?::smallint[], ?::smallint[],
                                 ?::float8[], ?::float8[], ?::float8[])
            ON CONFLICT DO NOTHING""";
    private static final String CAMERA = """
            INSERT INTO camera_health (ts, device_id, seq, fps, bitrate_kbps, storage_days_left, recording)
            SELECT * FROM unnest(?::timestamptz[], ?::text[], ?::bigint[], ?::real[], ?::integer[], ?::real[],
                                 ?::boolean[])
            ON CONFLICT DO NOTHING""";
    private static final String STATUS = """
            INSERT INTO device_status (ts, device_id, seq, online, reason, battery, signal_dbm, firmware, received_at)
            SELECT * FROM unnest(?::timestamptz[], ?::text[], ?::bigint[], ?::boolean[], ?::text[], ?::smallint[],
                                 ?::smallint[], ?::text[], ?::timestamptz[])
            ON CONFLICT DO NOTHING
            RETURNING device_id, ts, seq""";
    private static final String EVENTS = """
            INSERT INTO device_event (device_ts, device_id, seq, type, latitude, longitude, accuracy_m, duration_s,
                                      detail, received_at)
            SELECT * FROM unnest(?::timestamptz[], ?::text[], ?::bigint[], ?::text[], ?::float8[], ?::float8[],
                                 ?::float8[], ?::float8[], ?::text[], ?::timestamptz[])
            ON CONFLICT DO NOTHING
            RETURNING device_id, device_ts, seq""";

    /** A phone linked to no caregiver adds nothing: a track belongs to a person (see V6__caregiver_phones.sql). */
    private static final String CAREGIVER = """
            INSERT INTO caregiver_location (ts, caregiver_id, device_id, seq, latitude, longitude, accuracy_m, order_id)
            SELECT f.ts, s.id, f.device_id, f.seq, f.latitude, f.longitude, f.accuracy_m, f.order_id
            FROM unnest(?::timestamptz[], ?::text[], ?::bigint[], ?::float8[], ?::float8[], ?::float8[], ?::bigint[])
                 AS f(ts, device_id, seq, latitude, longitude, accuracy_m, order_id)
            JOIN staff s ON s.phone_device_id = f.device_id
            ON CONFLICT DO NOTHING""";

    private final ConnectionOperations<Connection> connections;
    private final CopyVitalsWriter copyVitals;

    TelemetryWriter(ConnectionOperations<Connection> connections, CopyVitalsWriter copyVitals) {
        this.connections = connections;
        this.copyVitals = copyVitals;
    }

    /** Writes every row; returns what was new (not stored before) among the events and statuses. */
    public Written write(TelemetryBatch batch) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try {
            if (!batch.bedVitals.isEmpty() && !copyVitals.tryCopy(connection, batch.bedVitals)) {
                insertBedVitals(connection, batch.bedVitals);
            }
            if (!batch.heartbeats.isEmpty()) {
                execute(connection, BUTTON, batch.heartbeats, List.of(
                        col("text", h -> h.ts().toString()), col("text", ButtonHeartbeat::deviceId),
                        col("int8", ButtonHeartbeat::seq), col("int2", h -> (short) h.battery()),
                        col("int2", h -> shortOrNull(h.signalDbm())), col("float8", ButtonHeartbeat::latitude),
                        col("float8", ButtonHeartbeat::longitude), col("float8", ButtonHeartbeat::accuracyM)));
            }
            if (!batch.cameraHealth.isEmpty()) {
                execute(connection, CAMERA, batch.cameraHealth, List.of(
                        col("text", c -> c.ts().toString()), col("text", CameraHealth::deviceId),
                        col("int8", CameraHealth::seq), col("float4", c -> (float) c.fps()),
                        col("int4", CameraHealth::bitrateKbps),
                        col("float4", c -> c.storageDaysLeft() == null ? null : c.storageDaysLeft().floatValue()),
                        col("bool", CameraHealth::recording)));
            }
            if (!batch.caregiverFixes.isEmpty()) {
                execute(connection, CAREGIVER, batch.caregiverFixes, List.of(
                        col("text", f -> f.ts().toString()), col("text", CaregiverFix::deviceId),
                        col("int8", CaregiverFix::seq), col("float8", CaregiverFix::latitude),
                        col("float8", CaregiverFix::longitude), col("float8", CaregiverFix::accuracyM),
                        col("int8", CaregiverFix::orderId)));
            }
            Set<EventKey> newStatuses = batch.statuses.isEmpty() ? Set.of() : returning(connection, STATUS,
                    batch.statuses, List.of(
                            col("text", s -> s.ts().toString()), col("text", StatusReport::deviceId),
                            col("int8", StatusReport::seq), col("bool", StatusReport::online),
                            col("text", StatusReport::reason), col("int2", s -> shortOrNull(s.battery())),
                            col("int2", s -> shortOrNull(s.signalDbm())), col("text", StatusReport::firmware),
                            col("text", s -> s.receivedAt().toString())));
            Set<EventKey> newEvents = batch.events.isEmpty() ? Set.of() : returning(connection, EVENTS,
                    batch.events, List.of(
                            col("text", e -> e.deviceTs().toString()), col("text", DeviceEvent::deviceId),
                            col("int8", DeviceEvent::seq), col("text", DeviceEvent::type),
                            col("float8", DeviceEvent::latitude), col("float8", DeviceEvent::longitude),
                            col("float8", DeviceEvent::accuracyM), col("float8", DeviceEvent::durationS),
                            col("text", DeviceEvent::detail), col("text", e -> e.receivedAt().toString())));
            return new Written(newEvents, newStatuses);
        } catch (SQLException e) {
            throw new TelemetryStoreException("writing a telemetry batch", e);
        }
    }

    private static void insertBedVitals(Connection connection, List<BedVitals> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(BED)) {
            for (BedVitals row : rows) {
                List<BedVitals.Sample> samples = row.samples();
                insert.setString(1, row.ts().toString());
                insert.setString(2, row.deviceId());
                insert.setLong(3, row.seq());
                insert.setArray(4, connection.createArrayOf("int4",
                        samples.stream().map(BedVitals.Sample::offsetMs).toArray()));
                insert.setArray(5, shorts(connection, samples, BedVitals.Sample::heartRate));
                insert.setArray(6, shorts(connection, samples, BedVitals.Sample::respirationRate));
                insert.setArray(7, connection.createArrayOf("bool",
                        samples.stream().map(BedVitals.Sample::inBed).toArray()));
                insert.setArray(8, shorts(connection, samples, BedVitals.Sample::movement));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Array shorts(Connection connection, List<BedVitals.Sample> samples,
                                Function<BedVitals.Sample, Integer> value) throws SQLException {
        return connection.createArrayOf("int2", samples.stream().map(s -> shortOrNull(value.apply(s))).toArray());
    }

    private static <T> void execute(Connection connection, String sql, List<T> rows, List<Column<T>> columns)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, rows, columns)) {
            statement.executeUpdate();
        }
    }

    private static <T> Set<EventKey> returning(Connection connection, String sql, List<T> rows,
                                               List<Column<T>> columns) throws SQLException {
        Set<EventKey> fresh = new HashSet<>();
        try (PreparedStatement statement = prepare(connection, sql, rows, columns);
             ResultSet inserted = statement.executeQuery()) {
            while (inserted.next()) {
                fresh.add(new EventKey(inserted.getString(1), inserted.getTimestamp(2).toInstant(), inserted.getLong(3)));
            }
        }
        return fresh;
    }

    private static <T> PreparedStatement prepare(Connection connection, String sql, List<T> rows,
                                                 List<Column<T>> columns) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int c = 0; c < columns.size(); c++) {
            Column<T> column = columns.get(c);
            Object[] values = new Object[rows.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = column.value().apply(rows.get(r));
            }
            Array array = connection.createArrayOf(column.sqlType(), values);
            statement.setArray(c + 1, array);
        }
        return statement;
    }

    private static <T> Column<T> col(String sqlType, Function<T, Object> value) {
        return new Column<>(sqlType, value);
    }

    private static Short shortOrNull(Integer value) {
        return value == null ? null : value.shortValue();
    }

    private record Column<T>(String sqlType, Function<T, Object> value) {
    }

    /** The keys of events and statuses that this write stored for the first time. */
    public record Written(Set<EventKey> newEvents, Set<EventKey> newStatuses) {
    }
}
