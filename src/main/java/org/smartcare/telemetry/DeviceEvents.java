package org.smartcare.telemetry;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

/** The device_event hypertable. Must run inside the caller's transaction. */
@Singleton
public class DeviceEvents {

    private static final String INSERT = """
            INSERT INTO device_event (device_ts, device_id, seq, type, latitude, longitude, accuracy_m, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (device_id, device_ts, seq) DO NOTHING""";

    private final ConnectionOperations<Connection> connections;

    DeviceEvents(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** Stores the event; returns false when it was already stored (a redelivery). */
    public boolean storeIfNew(DeviceEvent event) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setTimestamp(1, Timestamp.from(event.deviceTs()));
            insert.setString(2, event.deviceId());
            insert.setLong(3, event.seq());
            insert.setString(4, event.type());
            setNullableDouble(insert, 5, event.latitude());
            setNullableDouble(insert, 6, event.longitude());
            setNullableDouble(insert, 7, event.accuracyM());
            insert.setTimestamp(8, Timestamp.from(event.receivedAt()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new TelemetryStoreException("storing event " + event.deviceId() + "/" + event.seq(), e);
        }
    }

    private static void setNullableDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
