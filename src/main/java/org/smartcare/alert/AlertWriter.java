package org.smartcare.alert;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Optional;

/**
 * Inserts alerts idempotently and announces them with pg_notify in the same transaction, so every
 * instance hears of an alert exactly when (and only if) it is committed.
 */
@Singleton
public class AlertWriter {

    public static final String CHANNEL = "smartcare_alert";

    private static final String INSERT = """
            INSERT INTO alert (tenant_id, kind, severity, status, device_id, elder_id, institution_id, region_code,
                               raised_at, source_event_ts, source_event_seq, latitude, longitude)
            VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?, now(), ?, ?, ?, ?)
            ON CONFLICT (device_id, kind, source_event_ts, source_event_seq) DO NOTHING
            RETURNING id""";
    private static final String TRANSITION =
            "INSERT INTO alert_transition (alert_id, from_status, to_status, actor, note) VALUES (?, NULL, 'OPEN', ?, ?)";
    private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', ?)";

    private final ConnectionOperations<Connection> connections;

    AlertWriter(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** Returns the new alert's id, or empty when this event already raised it. */
    Optional<Long> raiseIfNew(NewAlert alert) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try {
            Optional<Long> id = insert(connection, alert);
            if (id.isPresent()) {
                recordOpening(connection, id.get(), alert);
                notifyRaised(connection, id.get());
            }
            return id;
        } catch (SQLException e) {
            throw new AlertStoreException("raising " + alert.kind() + " for " + alert.deviceId(), e);
        }
    }

    private static Optional<Long> insert(Connection connection, NewAlert alert) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, alert.tenantId());
            insert.setString(2, alert.kind().name());
            insert.setString(3, alert.severity().name());
            insert.setString(4, alert.deviceId());
            setNullable(insert, 5, alert.elderId(), Types.BIGINT);
            setNullable(insert, 6, alert.institutionId(), Types.BIGINT);
            setNullable(insert, 7, alert.regionCode(), Types.CHAR);
            insert.setTimestamp(8, Timestamp.from(alert.occurredAt()));
            insert.setLong(9, alert.seq());
            setNullable(insert, 10, alert.latitude(), Types.DOUBLE);
            setNullable(insert, 11, alert.longitude(), Types.DOUBLE);
            try (ResultSet rows = insert.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void recordOpening(Connection connection, long alertId, NewAlert alert) throws SQLException {
        try (PreparedStatement transition = connection.prepareStatement(TRANSITION)) {
            transition.setLong(1, alertId);
            transition.setString(2, "rule:" + alert.rule().name());
            transition.setString(3, "raised from device " + alert.deviceId() + " event #" + alert.seq());
            transition.executeUpdate();
        }
    }

    private static void notifyRaised(Connection connection, long alertId) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement(NOTIFY)) {
            notify.setString(1, AlertNotice.raised(alertId).encode());
            notify.execute();
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Object value, int sqlType)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, value, sqlType);
        }
    }
}
