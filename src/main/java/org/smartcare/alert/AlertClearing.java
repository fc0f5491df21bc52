package org.smartcare.alert;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Marks open alerts of recoverable conditions cleared when the device reports the condition gone (vitals back
 * in range, battery charged, back in bed, turned). A cleared alert stays open until an operator handles it;
 * a repeat un-clears it. Only a report newer than the alert's source clears it, so a late redelivery of an
 * older message does not. One statement for a whole ingest batch; must run in the caller's transaction.
 */
@Singleton
public class AlertClearing {

    private static final String CLEAR = """
            UPDATE alert a SET cleared_at = now(), version = a.version + 1
            FROM unnest(?::text[], ?::text[], ?::timestamptz[]) AS c(device_id, rule, reported_at)
            WHERE a.device_id = c.device_id AND a.rule = c.rule AND a.status <> 'RESOLVED' AND a.cleared_at IS NULL
              AND a.source_event_ts < c.reported_at
            RETURNING a.id, a.status, a.device_id""";

    /** Of the reporting devices, those with an open alert not cleared yet: in a city, almost always none. */
    private static final String UNCLEARED = """
            SELECT DISTINCT device_id FROM alert
            WHERE device_id = ANY (?) AND status <> 'RESOLVED' AND cleared_at IS NULL""";
    private static final Comparator<Recovery> LOCK_ORDER =
            Comparator.comparing(Recovery::deviceId).thenComparing(Recovery::rule);

    private final ConnectionOperations<Connection> connections;
    private final AlertWriter writer;

    AlertClearing(ConnectionOperations<Connection> connections, AlertWriter writer) {
        this.connections = connections;
        this.writer = writer;
    }

    /** The device reported, at {@code reportedAt}, that the condition of {@code rule} is gone. */
    public record Recovery(String deviceId, RuleId rule, Instant reportedAt) {
    }

    void clear(List<Recovery> unordered, String note) {
        if (unordered.isEmpty()) {
            return;
        }
        Connection connection = connections.getConnectionStatus().getConnection();
        // Every batch reports recoveries for all its beds with normal vitals (four each), and the clearing update
        // for them all was the second most expensive statement of a city run, for no rows: first ask which of the
        // devices have anything to clear, by the open-alert index, and update only theirs.
        Set<String> uncleared = uncleared(connection, unordered);
        if (uncleared.isEmpty()) {
            return;
        }
        // One lock order for every transaction: concurrent batches clearing the same devices cannot deadlock.
        Recovery[] recoveries = unordered.stream().filter(r -> uncleared.contains(r.deviceId()))
                .toArray(Recovery[]::new);
        Arrays.sort(recoveries, LOCK_ORDER);
        // Plain loops: this runs for every ingest batch, with four recoveries for every bed whose vitals are normal.
        String[] devices = new String[recoveries.length];
        String[] rules = new String[recoveries.length];
        String[] reportedAt = new String[recoveries.length];
        for (int i = 0; i < recoveries.length; i++) {
            Recovery recovery = recoveries[i];
            devices[i] = recovery.deviceId();
            rules[i] = recovery.rule().name();
            reportedAt[i] = i > 0 && recovery.reportedAt() == recoveries[i - 1].reportedAt()
                    ? reportedAt[i - 1] : recovery.reportedAt().toString();
        }
        try (PreparedStatement update = connection.prepareStatement(CLEAR)) {
            update.setArray(1, array(connection, "text", devices));
            update.setArray(2, array(connection, "text", rules));
            update.setArray(3, array(connection, "text", reportedAt));
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    AlertStatus status = AlertStatus.valueOf(rows.getString(2));
                    writer.history(rows.getLong(1), status, status, "device:" + rows.getString(3), note, "CLEARED");
                    writer.announce(AlertNotice.updated(rows.getLong(1)));
                }
            }
        } catch (SQLException e) {
            throw new AlertStoreException("clearing " + recoveries.length + " recovered alerts", e);
        }
    }

    private static Set<String> uncleared(Connection connection, List<Recovery> recoveries) {
        Set<String> devices = new HashSet<>();
        recoveries.forEach(recovery -> devices.add(recovery.deviceId()));
        try (PreparedStatement select = connection.prepareStatement(UNCLEARED)) {
            select.setArray(1, array(connection, "text", devices.toArray()));
            Set<String> found = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new AlertStoreException("looking up alerts to clear for " + devices.size() + " devices", e);
        }
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
