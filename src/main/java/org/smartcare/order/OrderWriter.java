package org.smartcare.order;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Optional;

/**
 * Inserts orders idempotently: a second insert with the same (tenant, idempotency key) or the same
 * (plan, day) adds nothing, also when two arrive at once. Must run inside the caller's transaction.
 */
@Singleton
class OrderWriter {

    private static final String INSERT = """
            INSERT INTO service_order (tenant_id, type, elder_id, institution_id, scheduled_start, scheduled_end,
                                       standard_minutes, origin, alert_id, plan_id, plan_date, price_fen, subsidy_fen,
                                       state, idempotency_key, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', ?, ?, ?)
            ON CONFLICT DO NOTHING
            RETURNING id""";

    private final ConnectionOperations<Connection> connections;

    OrderWriter(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** The new order's id, or empty when its key or plan day already made one. */
    Optional<Long> insertIfNew(OrderDraft draft) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, draft.tenantId());
            insert.setString(2, draft.type().name());
            insert.setLong(3, draft.elderId());
            insert.setLong(4, draft.institutionId());
            insert.setTimestamp(5, Timestamp.from(draft.scheduledStart()));
            insert.setTimestamp(6, Timestamp.from(draft.scheduledEnd()));
            insert.setInt(7, draft.standardMinutes());
            insert.setString(8, draft.origin().name());
            setNullable(insert, 9, draft.alertId(), Types.BIGINT);
            setNullable(insert, 10, draft.planId(), Types.BIGINT);
            setNullable(insert, 11, draft.planDate() == null ? null : Date.valueOf(draft.planDate()), Types.DATE);
            insert.setLong(12, draft.priceFen());
            insert.setLong(13, draft.subsidyFen());
            setNullable(insert, 14, draft.idempotencyKey(), Types.VARCHAR);
            insert.setTimestamp(15, Timestamp.from(draft.at()));
            insert.setTimestamp(16, Timestamp.from(draft.at()));
            try (ResultSet rows = insert.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new OrderStoreException("inserting a " + draft.type() + " order for elder " + draft.elderId(), e);
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
