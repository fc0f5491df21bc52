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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The device_state table: current online state, last seen, battery and signal per device. */
@Singleton
public class DeviceStates {

    // One statement per batch: the newest status of each device (see StatusMerge), rows in device-id order like
    // the sightings flush and the sweep, so the three never deadlock. A status older than the stored one is ignored;
    // of two with the same time the later one applies, unless the stored one is a Last Will (StatusMerge says why).
    private static final String APPLY_STATUS = """
            INSERT INTO device_state AS s (device_id, online, offline_reason, changed_at, status_ts, last_seen_at,
                                           battery, signal_dbm, firmware)
            SELECT d, o, r, now(), t, l, b, g, f
            FROM unnest(?::text[], ?::boolean[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::smallint[],
                        ?::smallint[], ?::text[]) AS u(d, o, r, t, l, b, g, f)
            ON CONFLICT (device_id) DO UPDATE SET
                online = EXCLUDED.online,
                offline_reason = EXCLUDED.offline_reason,
                changed_at = CASE WHEN s.online = EXCLUDED.online THEN s.changed_at ELSE now() END,
                status_ts = EXCLUDED.status_ts,
                last_seen_at = GREATEST(s.last_seen_at, EXCLUDED.last_seen_at),
                battery = COALESCE(EXCLUDED.battery, s.battery),
                signal_dbm = COALESCE(EXCLUDED.signal_dbm, s.signal_dbm),
                firmware = COALESCE(EXCLUDED.firmware, s.firmware)
            WHERE s.status_ts IS NULL OR s.status_ts < EXCLUDED.status_ts
               OR (s.status_ts = EXCLUDED.status_ts
                   AND (EXCLUDED.offline_reason = 'will' OR s.offline_reason IS DISTINCT FROM 'will'))""";
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
     * Applies status messages in the caller's transaction, in one statement however many there are: a city's
     * devices all reconnect at once after a broker restart, each with a retained status.
     */
    public void apply(List<StatusChange> changes) {
        List<StatusChange> newest = StatusMerge.newestPerDevice(changes);
        if (newest.isEmpty()) {
            return;
        }
        Connection connection = connections.getConnectionStatus().getConnection();
        int n = newest.size();
        Object[] ids = new Object[n];
        Object[] online = new Object[n];
        Object[] reasons = new Object[n];
        Object[] statusTs = new Object[n];
        Object[] seenAt = new Object[n];
        Object[] batteries = new Object[n];
        Object[] signals = new Object[n];
        Object[] firmware = new Object[n];
        for (int i = 0; i < n; i++) {
            StatusChange change = newest.get(i);
            ids[i] = change.deviceId();
            online[i] = change.online();
            reasons[i] = change.online() ? null : change.reason() == null ? "offline" : change.reason();
            statusTs[i] = change.statusTs().toString();
            seenAt[i] = change.receivedAt().toString();
            batteries[i] = change.battery() == null ? null : change.battery().shortValue();
            signals[i] = change.signalDbm() == null ? null : change.signalDbm().shortValue();
            firmware[i] = change.firmware();
        }
        try (PreparedStatement upsert = connection.prepareStatement(APPLY_STATUS)) {
            upsert.setArray(1, connection.createArrayOf("text", ids));
            upsert.setArray(2, connection.createArrayOf("bool", online));
            upsert.setArray(3, connection.createArrayOf("text", reasons));
            upsert.setArray(4, connection.createArrayOf("text", statusTs));
            upsert.setArray(5, connection.createArrayOf("text", seenAt));
            upsert.setArray(6, connection.createArrayOf("int2", batteries));
            upsert.setArray(7, connection.createArrayOf("int2", signals));
            upsert.setArray(8, connection.createArrayOf("text", firmware));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new DeviceStateException("applying status", e);
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
