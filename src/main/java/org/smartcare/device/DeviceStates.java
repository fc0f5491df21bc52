package org.smartcare.device;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The device_state table: current online state, last seen, battery and signal per device. */
@Singleton
public class DeviceStates {

    // One statement per batch: the newest status of each device (see StatusMerge), rows in device-id order like
    // the sightings flush and the sweep, so the three never deadlock. A status older than the stored one is ignored,
    // and so is one as old as a stored Last Will (which the broker sent after everything else of its connection).
    private static final String APPLY_STATUS = """
            INSERT INTO device_state AS s (device_id, online, offline_reason, changed_at, status_ts, connected_ts,
                                           last_seen_at, battery, signal_dbm, firmware)
            SELECT d, o, r, now(), t, c, l, b, g, f
            FROM unnest(?::text[], ?::timestamptz[], ?::timestamptz[], ?::smallint[], ?::smallint[], ?::text[],
                        ?::boolean[], ?::text[], ?::timestamptz[]) AS u(d, t, l, b, g, f, o, r, c)
            ON CONFLICT (device_id) DO UPDATE SET
                online = EXCLUDED.online,
                offline_reason = EXCLUDED.offline_reason,
                changed_at = CASE WHEN s.online = EXCLUDED.online THEN s.changed_at ELSE now() END,
                status_ts = EXCLUDED.status_ts,
                connected_ts = GREATEST(s.connected_ts, EXCLUDED.connected_ts),
                last_seen_at = GREATEST(s.last_seen_at, EXCLUDED.last_seen_at),
                battery = COALESCE(EXCLUDED.battery, s.battery),
                signal_dbm = COALESCE(EXCLUDED.signal_dbm, s.signal_dbm),
                firmware = COALESCE(EXCLUDED.firmware, s.firmware)
            WHERE s.status_ts IS NULL OR s.status_ts < EXCLUDED.status_ts
               OR (s.status_ts = EXCLUDED.status_ts AND s.offline_reason IS DISTINCT FROM 'will')""";
    // A Last Will ends the connection of its time: it applies unless the device has connected again since, or has
    // already gone offline of its own accord since. Its battery, signal and firmware date from the connect, so they
    // fill in only a new row. The status time becomes the latest of that connection, so that a report of it the
    // broker delivers late cannot bring the device back online.
    private static final String APPLY_WILL = """
            INSERT INTO device_state AS s (device_id, online, offline_reason, changed_at, status_ts, connected_ts,
                                           last_seen_at, battery, signal_dbm, firmware)
            SELECT d, false, 'will', now(), t, t, l, b, g, f
            FROM unnest(?::text[], ?::timestamptz[], ?::timestamptz[], ?::smallint[], ?::smallint[], ?::text[])
                AS u(d, t, l, b, g, f)
            ON CONFLICT (device_id) DO UPDATE SET
                online = false,
                offline_reason = 'will',
                changed_at = CASE WHEN s.online THEN now() ELSE s.changed_at END,
                status_ts = GREATEST(s.status_ts, EXCLUDED.status_ts),
                last_seen_at = GREATEST(s.last_seen_at, EXCLUDED.last_seen_at)
            WHERE EXCLUDED.status_ts >= COALESCE(s.connected_ts, s.status_ts, '-infinity')
              AND (s.online OR s.offline_reason = 'heartbeat_timeout' OR s.status_ts IS NULL
                   OR s.status_ts < EXCLUDED.status_ts)""";
    // Taken before two statements that each lock a batch's rows in device-id order, so that together they still do.
    private static final String LOCK = """
            SELECT 1 FROM device_state WHERE device_id = ANY (?) ORDER BY device_id FOR UPDATE""";
    // Hearing from a device proves it is online again, unless it said goodbye more recently than that.
    private static final String TOUCH = """
            INSERT INTO device_state AS s (device_id, online, changed_at, last_seen_at, battery, signal_dbm)
            SELECT d, true, now(), t, b, g FROM unnest(?::text[], ?::timestamptz[], ?::smallint[], ?::smallint[])
                AS u(d, t, b, g)
            WHERE EXISTS (SELECT 1 FROM device WHERE id = d)
            ON CONFLICT (device_id) DO UPDATE SET
                last_seen_at = GREATEST(s.last_seen_at, EXCLUDED.last_seen_at),
                battery = COALESCE(EXCLUDED.battery, s.battery),
                signal_dbm = COALESCE(EXCLUDED.signal_dbm, s.signal_dbm),
                online = s.online OR (s.offline_reason = 'heartbeat_timeout'),
                offline_reason = CASE WHEN s.offline_reason = 'heartbeat_timeout' THEN NULL ELSE s.offline_reason END,
                changed_at = CASE WHEN s.offline_reason = 'heartbeat_timeout' THEN now() ELSE s.changed_at END""";
    // Rows are locked in device-id order, like the sightings flush, so the two never deadlock; rows another
    // instance is updating right now are left for the next sweep. One pass over the table for all device types
    // (timeouts by type in two arrays): a pass per type read a city's 150,000 rows three times every 15 s.
    private static final String SWEEP = """
            WITH timeout AS (SELECT * FROM unnest(?::text[], ?::interval[]) AS t(type, silence)),
            silent AS (
                SELECT s.device_id FROM device_state s JOIN device d ON d.id = s.device_id
                JOIN timeout t ON t.type = d.type
                WHERE s.online AND s.last_seen_at < now() - t.silence
                ORDER BY s.device_id FOR UPDATE OF s SKIP LOCKED)
            UPDATE device_state s SET online = false, offline_reason = 'heartbeat_timeout', changed_at = now()
            FROM silent WHERE s.device_id = silent.device_id
            RETURNING s.device_id""";
    private static final String FIND = "SELECT * FROM device_state WHERE device_id = ANY (?)";

    private final ConnectionOperations<Connection> connections;

    DeviceStates(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /**
     * Applies status messages in the caller's transaction, in one statement however many there are (two when Last
     * Wills are among them): a city's devices all reconnect at once after a broker restart, each with a retained
     * status.
     */
    public void apply(List<StatusChange> changes) {
        StatusMerge.Merged merged = StatusMerge.merge(changes);
        if (merged.statuses().isEmpty() && merged.wills().isEmpty()) {
            return;
        }
        Connection connection = connections.getConnectionStatus().getConnection();
        try {
            if (!merged.statuses().isEmpty() && !merged.wills().isEmpty()) {
                try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                    lock.setArray(1, connection.createArrayOf("text", merged.deviceIds().toArray()));
                    lock.executeQuery().close();
                }
            }
            if (!merged.statuses().isEmpty()) {
                applyStatuses(connection, merged.statuses());
            }
            if (!merged.wills().isEmpty()) {
                applyWills(connection, merged.wills());
            }
        } catch (SQLException e) {
            throw new DeviceStateException("applying status", e);
        }
    }

    private static void applyStatuses(Connection connection, List<StatusMerge.Newest> statuses) throws SQLException {
        int n = statuses.size();
        Columns columns = new Columns(n);
        Object[] online = new Object[n];
        Object[] reasons = new Object[n];
        Object[] connectedTs = new Object[n];
        for (int i = 0; i < n; i++) {
            StatusChange change = statuses.get(i).change();
            columns.set(i, change);
            online[i] = change.online();
            reasons[i] = change.online() ? null : change.reason() == null ? "offline" : change.reason();
            Instant connected = statuses.get(i).connectedTs();
            connectedTs[i] = connected == null ? null : connected.toString();
        }
        try (PreparedStatement upsert = connection.prepareStatement(APPLY_STATUS)) {
            columns.bind(connection, upsert);
            upsert.setArray(Columns.COUNT + 1, connection.createArrayOf("bool", online));
            upsert.setArray(Columns.COUNT + 2, connection.createArrayOf("text", reasons));
            upsert.setArray(Columns.COUNT + 3, connection.createArrayOf("text", connectedTs));
            upsert.executeUpdate();
        }
    }

    private static void applyWills(Connection connection, List<StatusChange> wills) throws SQLException {
        Columns columns = new Columns(wills.size());
        for (int i = 0; i < wills.size(); i++) {
            columns.set(i, wills.get(i));
        }
        try (PreparedStatement upsert = connection.prepareStatement(APPLY_WILL)) {
            columns.bind(connection, upsert);
            upsert.executeUpdate();
        }
    }

    /** What every status row carries, bound as the statement's first six arrays: d, t, l, b, g, f. */
    private record Columns(Object[] ids, Object[] statusTs, Object[] seenAt, Object[] batteries, Object[] signals,
                           Object[] firmware) {

        static final int COUNT = 6;

        Columns(int n) {
            this(new Object[n], new Object[n], new Object[n], new Object[n], new Object[n], new Object[n]);
        }

        void set(int i, StatusChange change) {
            ids[i] = change.deviceId();
            statusTs[i] = change.statusTs().toString();
            seenAt[i] = change.receivedAt().toString();
            batteries[i] = change.battery() == null ? null : change.battery().shortValue();
            signals[i] = change.signalDbm() == null ? null : change.signalDbm().shortValue();
            firmware[i] = change.firmware();
        }

        void bind(Connection connection, PreparedStatement statement) throws SQLException {
            statement.setArray(1, connection.createArrayOf("text", ids));
            statement.setArray(2, connection.createArrayOf("text", statusTs));
            statement.setArray(3, connection.createArrayOf("text", seenAt));
            statement.setArray(4, connection.createArrayOf("int2", batteries));
            statement.setArray(5, connection.createArrayOf("int2", signals));
            statement.setArray(6, connection.createArrayOf("text", firmware));
        }
    }

    /** Records sightings in one statement; devices no longer registered are skipped. */
    @Transactional
    public void touch(Collection<Sighting> sightings) {
        if (sightings.isEmpty()) {
            return;
        }
        Connection connection = connections.getConnectionStatus().getConnection();
        List<Object> ids = new ArrayList<>();
        List<Object> times = new ArrayList<>();
        List<Object> batteries = new ArrayList<>();
        List<Object> signals = new ArrayList<>();
        // Sorted, so concurrent flushes and sweeps lock rows in the same order and cannot deadlock.
        List<Sighting> ordered = sightings.stream().sorted(java.util.Comparator.comparing(Sighting::deviceId)).toList();
        for (Sighting sighting : ordered) {
            ids.add(sighting.deviceId());
            times.add(sighting.at().toString());
            batteries.add(sighting.battery() == null ? null : sighting.battery().shortValue());
            signals.add(sighting.signalDbm() == null ? null : sighting.signalDbm().shortValue());
        }
        try (PreparedStatement upsert = connection.prepareStatement(TOUCH)) {
            upsert.setArray(1, connection.createArrayOf("text", ids.toArray()));
            upsert.setArray(2, connection.createArrayOf("text", times.toArray()));
            upsert.setArray(3, connection.createArrayOf("int2", batteries.toArray()));
            upsert.setArray(4, connection.createArrayOf("int2", signals.toArray()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new DeviceStateException("recording sightings", e);
        }
    }

    /** Marks devices silent for longer than their type's timeout as offline; returns their ids. */
    @Transactional
    public List<String> expire(Map<DeviceType, Duration> timeouts) {
        Connection connection = connections.getConnectionStatus().getConnection();
        List<String> expired = new ArrayList<>();
        Object[] types = new Object[timeouts.size()];
        Object[] silences = new Object[timeouts.size()];
        int i = 0;
        for (Map.Entry<DeviceType, Duration> timeout : timeouts.entrySet()) {
            types[i] = timeout.getKey().name();
            silences[i++] = timeout.getValue().toMillis() + " milliseconds";
        }
        try (PreparedStatement sweep = connection.prepareStatement(SWEEP)) {
            sweep.setArray(1, connection.createArrayOf("text", types));
            sweep.setArray(2, connection.createArrayOf("text", silences));
            try (ResultSet rows = sweep.executeQuery()) {
                while (rows.next()) {
                    expired.add(rows.getString(1));
                }
            }
            return expired;
        } catch (SQLException e) {
            throw new DeviceStateException("expiring silent devices", e);
        }
    }

    @Transactional(readOnly = true)
    public List<DeviceState> findByDeviceIdIn(Collection<String> deviceIds) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement query = connection.prepareStatement(FIND)) {
            Array ids = connection.createArrayOf("text", deviceIds.toArray());
            query.setArray(1, ids);
            List<DeviceState> states = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    states.add(new DeviceState(rows.getString("device_id"), rows.getBoolean("online"),
                            rows.getString("offline_reason"), rows.getTimestamp("changed_at").toInstant(),
                            rows.getTimestamp("last_seen_at").toInstant(), (Integer) intOrNull(rows, "battery"),
                            (Integer) intOrNull(rows, "signal_dbm"), rows.getString("firmware")));
                }
            }
            return states;
        } catch (SQLException e) {
            throw new DeviceStateException("reading device states", e);
        }
    }

    private static Object intOrNull(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    /** A failed device-state read or write; the cause's SQL state tells whether a retry can help. */
    public static class DeviceStateException extends RuntimeException {
        DeviceStateException(String what, SQLException cause) {
            super(what + ": " + cause.getMessage(), cause);
        }
    }
}
