package org.smartcare.telemetry;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One device's events over a time range, newest first, in keyset pages (uses the identity index). */
@Singleton
public class DeviceEventQueries {

    private static final String PAGE = """
            SELECT * FROM device_event
            WHERE device_id = ? AND device_ts >= ? AND device_ts < ?
              AND (?::timestamptz IS NULL OR (device_ts, seq) < (?::timestamptz, ?::bigint))
            ORDER BY device_ts DESC, seq DESC LIMIT ?""";

    private final ConnectionOperations<Connection> connections;

    DeviceEventQueries(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** Up to {@code limit} events before {@code after} (exclusive; null for the newest). */
    @Transactional(readOnly = true)
    public List<StoredEvent> page(String deviceId, Instant from, Instant to, EventKey after, int limit) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement query = connection.prepareStatement(PAGE)) {
            query.setString(1, deviceId);
            query.setTimestamp(2, Timestamp.from(from));
            query.setTimestamp(3, Timestamp.from(to));
            Timestamp afterTs = after == null ? null : Timestamp.from(after.ts());
            query.setTimestamp(4, afterTs);
            query.setTimestamp(5, afterTs);
            query.setObject(6, after == null ? null : after.seq(), java.sql.Types.BIGINT);
            query.setInt(7, limit);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(rows.getString("device_id"), rows.getTimestamp("device_ts").toInstant(),
                            rows.getLong("seq"), rows.getString("type"), rows.getTimestamp("received_at").toInstant(),
                            (Double) rows.getObject("latitude"), (Double) rows.getObject("longitude"),
                            (Double) rows.getObject("duration_s"), rows.getString("detail")));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new TelemetryStoreException("reading events of " + deviceId, e);
        }
    }
}
