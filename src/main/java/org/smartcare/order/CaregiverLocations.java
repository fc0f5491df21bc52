package org.smartcare.order;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of the caregiver_location hypertable: caregivers' tracks. Phones' reports reach it through ingest
 * (telemetry's writer); {@link #storeIfNew} stores a single report. Must run inside the caller's transaction,
 * except {@link #tracks}, which opens its own read-only one.
 */
@Singleton
public class CaregiverLocations {

    private static final String INSERT = """
            INSERT INTO caregiver_location (ts, caregiver_id, device_id, seq, latitude, longitude, accuracy_m)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (caregiver_id, ts, seq) DO NOTHING""";
    private static final String TRACK = """
            SELECT ts, latitude, longitude, accuracy_m FROM caregiver_location
            WHERE caregiver_id = ? AND ts >= ? AND ts <= ?
            ORDER BY ts, seq""";

    private static final String TRACKS = """
            SELECT w.order_id, l.ts, l.latitude, l.longitude, l.accuracy_m
            FROM unnest(?::int8[], ?::int8[], ?::timestamptz[], ?::timestamptz[]) AS w(order_id, caregiver_id, t_from, t_to)
            JOIN caregiver_location l ON l.caregiver_id = w.caregiver_id AND l.ts >= w.t_from AND l.ts <= w.t_to
            ORDER BY w.order_id, l.ts, l.seq""";

    private final ConnectionOperations<Connection> connections;

    CaregiverLocations(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** Stores the report; returns false when it was already stored (a redelivery). */
    public boolean storeIfNew(CaregiverLocation location) {
        try (PreparedStatement insert = connection().prepareStatement(INSERT)) {
            insert.setTimestamp(1, Timestamp.from(location.ts()));
            insert.setLong(2, location.caregiverId());
            if (location.deviceId() == null) {
                insert.setNull(3, Types.VARCHAR);
            } else {
                insert.setString(3, location.deviceId());
            }
            insert.setLong(4, location.seq());
            insert.setDouble(5, location.fix().position().latitude());
            insert.setDouble(6, location.fix().position().longitude());
            if (location.fix().accuracyM() == null) {
                insert.setNull(7, Types.DOUBLE);
            } else {
                insert.setDouble(7, location.fix().accuracyM());
            }
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new OrderStoreException("storing location of caregiver " + location.caregiverId(), e);
        }
    }

    /** The caregiver's fixes in [from, to], oldest first. */
    public List<LocationFix> track(long caregiverId, Instant from, Instant to) {
        try (PreparedStatement query = connection().prepareStatement(TRACK)) {
            query.setLong(1, caregiverId);
            query.setTimestamp(2, Timestamp.from(from));
            query.setTimestamp(3, Timestamp.from(to));
            List<LocationFix> track = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    double accuracy = rows.getDouble(4);
                    track.add(new LocationFix(rows.getTimestamp(1).toInstant(),
                            new Position(rows.getDouble(2), rows.getDouble(3)), rows.wasNull() ? null : accuracy));
                }
            }
            return track;
        } catch (SQLException e) {
            throw new OrderStoreException("reading the track of caregiver " + caregiverId, e);
        }
    }

    /** The fixes of several orders' windows in one statement, each oldest first; every window is in the result. */
    @ReadOnly
    public Map<Long, List<LocationFix>> tracks(Collection<TrackWindow> windows) {
        Map<Long, List<LocationFix>> byOrder = new HashMap<>();
        windows.forEach(window -> byOrder.put(window.orderId(), new ArrayList<>()));
        if (windows.isEmpty()) {
            return byOrder;
        }
        Connection connection = connection();
        try (PreparedStatement query = connection.prepareStatement(TRACKS)) {
            query.setArray(1, connection.createArrayOf("int8", windows.stream().map(TrackWindow::orderId).toArray()));
            query.setArray(2, connection.createArrayOf("int8", windows.stream().map(TrackWindow::caregiverId).toArray()));
            query.setArray(3, connection.createArrayOf("timestamptz",
                    windows.stream().map(w -> Timestamp.from(w.from())).toArray()));
            query.setArray(4, connection.createArrayOf("timestamptz",
                    windows.stream().map(w -> Timestamp.from(w.to())).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    double accuracy = rows.getDouble(5);
                    byOrder.get(rows.getLong(1)).add(new LocationFix(rows.getTimestamp(2).toInstant(),
                            new Position(rows.getDouble(3), rows.getDouble(4)), rows.wasNull() ? null : accuracy));
                }
            }
            return byOrder;
        } catch (SQLException e) {
            throw new OrderStoreException("reading the tracks of " + windows.size() + " orders", e);
        }
    }

    private Connection connection() {
        return connections.getConnectionStatus().getConnection();
    }
}
