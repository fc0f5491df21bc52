package org.smartcare.device;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.ConnectionOperations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGNotification;
import org.smartcare.notices.DatabaseNotices;
import org.smartcare.notices.NoticeListener;

/**
 * Registered devices by id for the ingest hot path: plain JDBC behind a cache, instead of a repository query
 * mapping every device of every batch. Unknown ids are not cached: a device registered a moment ago is found.
 * <p>
 * Every change to a registered device, from any instance or by hand, sends a notice on {@link #CHANNEL} as it
 * commits (a trigger on {@code device}), and the entry is forgotten when it arrives. So entries can live long: an SOS
 * button heartbeats every few minutes and presses rarely, and with a short-lived cache nearly every press paid a
 * lookup round trip on the way to its alert. While the notices are not heard (the listener is reconnecting), entries
 * live only the short time to live, and the whole cache is forgotten once they are heard again.
 */
@Singleton
public class DeviceDirectory implements AutoCloseable {

    /** Carries a changed device's id, or {@link #EVERY_DEVICE}; sent by the triggers of V19. */
    public static final String CHANNEL = "smartcare_device";
    static final String EVERY_DEVICE = "*";

    private static final String FIND = """
            SELECT id, tenant_id, type, serial, credentials_ref, elder_id, institution_id, bed_label, registered_at,
                   revoked_at
            FROM device WHERE id = ANY (?)""";

    private final ConnectionOperations<Connection> connections;
    private final long ttlNanos;
    private final long unheardTtlNanos;
    private final NoticeListener notices;
    /**
     * Bumped by every forgetting. A load that overlapped one may have read the row before the change committed and
     * would put it back after the notice removed it, so its devices are not cached.
     */
    private final AtomicLong forgettings = new AtomicLong();
    private final Counter hits;
    private final Counter misses;
    // Held for every device of a city (about 150,000), so each entry is kept small: see device(ResultSet).
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Map<String, String> tenantIds = new ConcurrentHashMap<>();

    DeviceDirectory(ConnectionOperations<Connection> connections, DatabaseNotices databaseNotices,
                    MeterRegistry registry,
                    @Value("${smartcare.devices.cache-ttl:1h}") Duration ttl,
                    @Value("${smartcare.devices.cache-ttl-unheard:30s}") Duration unheardTtl) {
        this.connections = connections;
        this.ttlNanos = ttl.toNanos();
        this.unheardTtlNanos = Math.min(ttl.toNanos(), unheardTtl.toNanos());
        this.hits = lookups(registry, "hit");
        this.misses = lookups(registry, "miss");
        this.notices = databaseNotices.listen("device-directory", CHANNEL, new NoticeListener.Handler() {
            @Override
            public void listening() {
                forgetAll();
            }

            @Override
            public void notices(PGNotification[] notes) {
                for (PGNotification note : notes) {
                    if (EVERY_DEVICE.equals(note.getParameter())) {
                        forgetAll();
                    } else {
                        forget(note.getParameter());
                    }
                }
            }
        });
    }

    private static Counter lookups(MeterRegistry registry, String result) {
        return Counter.builder("smartcare.devices.cache.lookups").tag("result", result)
                .description("devices looked up by the ingest and by subscriptions, found in the cache (hit) or read from the database")
                .register(registry);
    }

    /** The registered devices among {@code ids}, by id. */
    public Map<String, Device> find(Collection<String> ids) {
        Map<String, Device> found = new HashMap<>(ids.size() * 2);
        List<String> missing = new ArrayList<>();
        long now = System.nanoTime();
        long ttl = notices.isListening() ? ttlNanos : unheardTtlNanos;
        for (String id : ids) {
            Entry entry = cache.get(id);
            if (entry != null && now - entry.loadedAt() < ttl) {
                found.put(id, entry.device());
            } else {
                missing.add(id);
            }
        }
        hits.increment(ids.size() - missing.size());
        if (!missing.isEmpty()) {
            misses.increment(missing.size());
            long forgottenBefore = forgettings.get();
            List<Entry> added = new ArrayList<>();
            for (Device device : load(missing)) {
                Entry cached = cache.get(device.id());
                if (cached != null && cached.device().equals(device)) {
                    // Unchanged: keep the cached objects, so a city's worth of reloads every TTL leaves only
                    // short-lived garbage (replacing them moved ~50 MB every 30 s into the old generation and
                    // cost a 0.3-0.6 s full collection each time with a 256 MB heap).
                    cached.refreshed(now);
                    found.put(device.id(), cached.device());
                } else {
                    Entry entry = new Entry(device, now);
                    cache.put(device.id(), entry);
                    added.add(entry);
                    found.put(device.id(), device);
                }
            }
            if (forgettings.get() != forgottenBefore) {
                // A change committed while this load ran, and its notice may have been handled before these entries
                // went in: they may hold the row as it was, so none of them is kept.
                added.forEach(entry -> cache.remove(entry.device().id(), entry));
            }
            if (cache.size() > 1_000_000) {
                forgetAll(); // a bound, far above any city; the next batches reload what they need
                tenantIds.clear();
            }
        }
        return found;
    }

    /**
     * Forgets what this instance knows of a device. Its change's notice does the same a moment later; a registration
     * calls this as well so that the device's next message, which may follow at once, finds the new entry.
     */
    public void forget(String id) {
        forgettings.incrementAndGet();
        cache.remove(id);
    }

    /** Whether changes made elsewhere are heard now (else entries live only the short time to live). */
    public boolean hearsChanges() {
        return notices.isListening();
    }

    private void forgetAll() {
        forgettings.incrementAndGet();
        cache.clear();
    }

    @Override
    @PreDestroy
    public void close() {
        notices.close();
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
