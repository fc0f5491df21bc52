package org.smartcare.order;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The caregiver_location hypertable: caregivers' tracks. Must run inside the caller's transaction. */
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

    private Connection connection() {
        return connections.getConnectionStatus().getConnection();
    }
}
