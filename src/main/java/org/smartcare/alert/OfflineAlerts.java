package org.smartcare.alert;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.device.Device;

/**
 * Raises DEVICE_OFFLINE for devices that went offline unexpectedly (Last Will, or three missed
 * heartbeats) and have no open offline alert, and marks such alerts cleared when the device is back. The
 * sweep is idempotent, so every instance may run it.
 */
@Singleton
public class OfflineAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineAlerts.class);
    private static final String NEWLY_OFFLINE = """
            SELECT d.*, s.changed_at AS offline_since FROM device_state s JOIN device d ON d.id = s.device_id
            WHERE NOT s.online AND s.offline_reason IN ('will', 'heartbeat_timeout') AND d.revoked_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM alert a WHERE a.device_id = d.id AND a.rule = 'DEVICE_OFFLINE'
                                                      AND a.status <> 'RESOLVED')
            LIMIT 1000""";
    private static final String CLEAR_BACK_ONLINE = """
            UPDATE alert a SET cleared_at = now(), version = a.version + 1 FROM device_state s
            WHERE s.device_id = a.device_id AND s.online AND a.rule = 'DEVICE_OFFLINE' AND a.status <> 'RESOLVED'
              AND a.cleared_at IS NULL
            RETURNING a.id, a.status""";

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final AlertEngine engine;
    private final AlertWriter writer;

    OfflineAlerts(TransactionOperations<Connection> transactions, JdbcOperations jdbc, AlertEngine engine,
                  AlertWriter writer) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.engine = engine;
        this.writer = writer;
    }

    @Scheduled(fixedDelay = "${smartcare.alerts.offline-interval:5s}",
            initialDelay = "${smartcare.alerts.offline-initial-delay:10s}")
    void sweep() {
        try {
            transactions.executeWrite(status -> {
                List<Offline> offline = jdbc.prepareStatement(NEWLY_OFFLINE, statement -> {
                    try (ResultSet rows = statement.executeQuery()) {
                        List<Device> devices = jdbc.entityStream(rows, Device.class).toList();
                        return devices.stream().map(d -> new Offline(d, Instant.now())).toList();
                    }
                });
                offline.forEach(o -> engine.onOffline(o.device(), o.since()));
                jdbc.prepareStatement(CLEAR_BACK_ONLINE, statement -> {
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            AlertStatus current = AlertStatus.valueOf(rows.getString(2));
                            writer.history(rows.getLong(1), current, current, "system:offline-sweep",
                                    "device back online", "CLEARED");
                            writer.announce(AlertNotice.updated(rows.getLong(1)));
                        }
                    }
                    return null;
                });
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("offline sweep failed: {}", e.getMessage());
        }
    }

    private record Offline(Device device, Instant since) {
    }
}
