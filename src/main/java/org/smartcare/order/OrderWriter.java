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
 * Inserts orders and plans idempotently: a second insert with the same (tenant, idempotency key), or an order
 * for the same (plan, day), adds nothing, also when two arrive at once. Must run inside the caller's transaction.
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

    private static final String INSERT_PLAN = """
            INSERT INTO service_plan (tenant_id, elder_id, institution_id, type, rule, time_of_day, duration_minutes,
                                      price_fen, subsidy_fen, starts_on, ends_on, active, idempotency_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)
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

    /** The new plan's id, or empty when its idempotency key already made one. */
    Optional<Long> insertIfNew(ServicePlan plan) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_PLAN)) {
            insert.setString(1, plan.tenantId());
            insert.setLong(2, plan.elderId());
            insert.setLong(3, plan.institutionId());
            insert.setString(4, plan.type().name());
            insert.setString(5, plan.rule());
            insert.setObject(6, plan.timeOfDay());
            insert.setInt(7, plan.durationMinutes());
            insert.setLong(8, plan.priceFen());
            insert.setLong(9, plan.subsidyFen());
            insert.setObject(10, plan.startsOn());
            setNullable(insert, 11, plan.endsOn() == null ? null : Date.valueOf(plan.endsOn()), Types.DATE);
            setNullable(insert, 12, plan.idempotencyKey(), Types.VARCHAR);
            try (ResultSet rows = insert.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new OrderStoreException("inserting a " + plan.type() + " plan for elder " + plan.elderId(), e);
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
