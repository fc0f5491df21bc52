package org.smartcare.device;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered devices by id for the ingest hot path: plain JDBC behind a cache whose entries live for a
 * short while, instead of a repository query mapping every device of every batch. A registration on this
 * instance replaces its entry at once; one on another instance shows after the time to live. Revocation
 * takes effect at the broker at once anyway (the account goes), so the cache only delays the dead-letter
 * reason of messages already queued. Unknown ids are not cached: a device registered a moment ago is found.
 */
@Singleton
public class DeviceDirectory {

    private static final String FIND = """
            SELECT id, tenant_id, type, serial, credentials_ref, elder_id, institution_id, bed_label, registered_at,
                   revoked_at
            FROM device WHERE id = ANY (?)""";

    private final ConnectionOperations<Connection> connections;
    private final long ttlNanos;
    // Held for every device of a city (about 150,000), so each entry is kept small: see device(ResultSet).
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Map<String, String> tenantIds = new ConcurrentHashMap<>();

    DeviceDirectory(ConnectionOperations<Connection> connections,
                    @Value("${smartcare.devices.cache-ttl:30s}") Duration ttl) {
        this.connections = connections;
        this.ttlNanos = ttl.toNanos();
    }

    /** The registered devices among {@code ids}, by id. */
    public Map<String, Device> find(Collection<String> ids) {
        Map<String, Device> found = new HashMap<>(ids.size() * 2);
        List<String> missing = new ArrayList<>();
        long now = System.nanoTime();
        for (String id : ids) {
            Entry entry = cache.get(id);
            if (entry != null && now - entry.loadedAt() < ttlNanos) {
                found.put(id, entry.device());
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (Device device : load(missing)) {
                Entry cached = cache.get(device.id());
                if (cached != null && cached.device().equals(device)) {
                    // Unchanged: keep the cached objects, so a city's worth of reloads every TTL leaves only
                    // short-lived garbage (replacing them moved ~50 MB every 30 s into the old generation and
                    // cost a 0.3-0.6 s full collection each time with a 256 MB heap).
                    cached.refreshed(now);
                    found.put(device.id(), cached.device());
                } else {
                    cache.put(device.id(), new Entry(device, now));
                    found.put(device.id(), device);
                }
            }
            if (cache.size() > 1_000_000) {
                cache.clear(); // a bound, far above any city; the next batches reload what they need
                tenantIds.clear();
            }
        }
        return found;
    }

    /** Forgets what this instance knows of a device (after it was registered again or revoked here). */
    public void forget(String id) {
        cache.remove(id);
    }

    private List<Device> load(List<String> ids) {
        return connections.executeRead(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
                List<Device> devices = new ArrayList<>(ids.size());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        devices.add(device(rows));
                    }
                }
                return devices;
            } catch (SQLException e) {
                throw new IllegalStateException("looking up " + ids.size() + " devices: " + e.getMessage(), e);
            }
        });
    }

    private Device device(ResultSet rows) throws SQLException {
        long elder = rows.getLong(6);
        Long elderId = rows.wasNull() ? null : elder;
        long institution = rows.getLong(7);
        Long institutionId = rows.wasNull() ? null : institution;
        String id = rows.getString(1);
        String credentialsRef = rows.getString(5);
        return new Device(id, shared(rows.getString(2)), DeviceType.valueOf(rows.getString(3)), rows.getString(4),
                id.equals(credentialsRef) ? id : credentialsRef, elderId, institutionId, rows.getString(8),
                instant(rows.getTimestamp(9)), instant(rows.getTimestamp(10)));
    }

    /** One copy of each tenant id for the whole cache, rather than one per device. */
    private String shared(String tenantId) {
        return tenantIds.computeIfAbsent(tenantId, t -> t);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A cached device; the load time is updated in place when a reload finds the device unchanged. */
    private static final class Entry {
        private final Device device;
        private volatile long loadedAt;

        Entry(Device device, long loadedAt) {
            this.device = device;
            this.loadedAt = loadedAt;
        }

        Device device() {
            return device;
        }

        long loadedAt() {
            return loadedAt;
        }

        void refreshed(long at) {
            loadedAt = at;
        }
    }
}
