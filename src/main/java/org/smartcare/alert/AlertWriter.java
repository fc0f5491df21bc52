package org.smartcare.alert;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises alerts, folding a repeat into the one unresolved alert of its (device, rule), records every
 * change in the alert's history and announces it with pg_notify in the same transaction, so every instance
 * hears of a change exactly when (and only if) it is committed. Must run in the caller's transaction.
 */
@Singleton
public class AlertWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AlertWriter.class);

    public static final String CHANNEL = "smartcare_alert";

    /*
     * One round trip for the whole raise: the upsert, its history entry and its notice. Under the city load each
     * extra statement of an SOS transaction waited for a busy core.
     */
    private static final String RAISE_OR_FOLD = """
            WITH raised AS (
                INSERT INTO alert (tenant_id, rule, kind, severity, status, device_id, elder_id, institution_id,
                                   region_code, raised_at, source_event_ts, source_event_seq, latitude, longitude,
                                   last_seen_at, ack_deadline)
                VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, now(), ?, ?, ?, ?, now(), now() + ?::interval)
                ON CONFLICT (device_id, rule) WHERE status <> 'RESOLVED' DO UPDATE SET
                    occurrences = alert.occurrences + 1, last_seen_at = now(), cleared_at = NULL,
                    source_event_ts = EXCLUDED.source_event_ts, source_event_seq = EXCLUDED.source_event_seq,
                    latitude = coalesce(EXCLUDED.latitude, alert.latitude),
                    longitude = coalesce(EXCLUDED.longitude, alert.longitude), version = alert.version + 1
                WHERE (alert.source_event_ts, alert.source_event_seq)
                      IS DISTINCT FROM (EXCLUDED.source_event_ts, EXCLUDED.source_event_seq)
                RETURNING alert.*, (xmax = 0) AS inserted
            ), entry AS (
                INSERT INTO alert_transition (alert_id, from_status, to_status, actor, note, kind)
                SELECT id, CASE WHEN inserted THEN NULL ELSE status END, status, ?,
                       CASE WHEN inserted THEN 'raised from ' ELSE 'repeated by ' END || ?,
                       CASE WHEN inserted THEN 'TRANSITION' ELSE 'REPEAT' END
                FROM raised
            )
            SELECT raised.*, pg_notify(?, """ + AlertNotice.sqlPayload("inserted", "id") + ") FROM raised";
    private static final String HISTORY = """
            INSERT INTO alert_transition (alert_id, from_status, to_status, actor, note, kind)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', ?)";

    private final ConnectionOperations<Connection> connections;
    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final ThresholdLookup thresholds;
    private final AlertFeed feed;

    AlertWriter(ConnectionOperations<Connection> connections, TransactionOperations<Connection> transactions,
                JdbcOperations jdbc, ThresholdLookup thresholds, AlertFeed feed) {
        this.connections = connections;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.thresholds = thresholds;
        this.feed = feed;
    }

    /**
     * Raises the alert or folds it into the open one; returns its id and whether it is new, or empty when
     * the open alert was raised by this very message already (a redelivery changes nothing).
     */
    Optional<Raised> raiseOrFold(NewAlert alert) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement insert = connection.prepareStatement(RAISE_OR_FOLD)) {
            insert.setString(1, alert.tenantId());
            insert.setString(2, alert.rule().name());
            insert.setString(3, alert.kind().name());
            insert.setString(4, alert.severity().name());
            insert.setString(5, alert.deviceId());
            setNullable(insert, 6, alert.elderId(), Types.BIGINT);
            setNullable(insert, 7, alert.institutionId(), Types.BIGINT);
            setNullable(insert, 8, alert.regionCode(), Types.CHAR);
            insert.setTimestamp(9, Timestamp.from(alert.occurredAt()));
            insert.setLong(10, alert.seq());
            setNullable(insert, 11, alert.latitude(), Types.DOUBLE);
            setNullable(insert, 12, alert.longitude(), Types.DOUBLE);
            insert.setString(13, thresholds.forScope(alert.tenantId(), alert.institutionId(), alert.elderId())
                    .ackLimit(alert.severity()).toMillis() + " milliseconds");
            insert.setString(14, "rule:" + alert.rule().name());
            insert.setString(15, alert.deviceId() + " #" + alert.seq());
            insert.setString(16, CHANNEL);
            long id;
            boolean inserted;
            try (ResultSet row = insert.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                id = row.getLong("id");
                inserted = row.getBoolean("inserted");
                if (inserted) {
                    handOverAfterCommit(row);
                }
            }
            return Optional.of(new Raised(id, inserted));
        } catch (SQLException e) {
            throw new AlertStoreException("raising " + alert.kind() + " for " + alert.deviceId(), e);
        }
    }

    /**
     * The new alert goes to this instance's subscribers the moment its transaction commits, as the statement
     * returned it: the feed need not wait for its own notice and read it back (AlertFeed#raisedHere).
     */
    private void handOverAfterCommit(ResultSet row) {
        Alert alert;
        try {
            alert = jdbc.readEntity(row, Alert.class);
        } catch (RuntimeException e) {
            // Never worth failing the raise for: the notice still reaches the subscribers, only later.
            LOG.warn("could not read the raised alert back from its statement; its notice will deliver it", e);
            return;
        }
        transactions.findTransactionStatus().ifPresent(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        feed.raisedHere(alert);
                    }
                }));
    }

    /** Records one history entry: a transition, or a note, repeat or dispatch in the current status. */
    void history(long alertId, AlertStatus from, AlertStatus to, String actor, String note, String kind) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement entry = connection.prepareStatement(HISTORY)) {
            entry.setLong(1, alertId);
            entry.setString(2, from == null ? null : from.name());
            entry.setString(3, to.name());
            entry.setString(4, actor);
            entry.setString(5, note);
            entry.setString(6, kind);
            entry.executeUpdate();
        } catch (SQLException e) {
            throw new AlertStoreException("recording history of alert " + alertId, e);
        }
    }

    void announce(AlertNotice notice) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement notify = connection.prepareStatement(NOTIFY)) {
            notify.setString(1, notice.encode());
            notify.execute();
        } catch (SQLException e) {
            throw new AlertStoreException("announcing alert " + notice.alertId(), e);
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

    /** The id of a raised or folded alert. */
    record Raised(long id, boolean isNew) {
    }
}
