package org.smartcare.device;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.notices.DatabaseNotices;
import org.smartcare.support.Database;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/**
 * The ingest's cached device lookup against the real registry: new devices at once, re-registrations at once, and
 * changes made elsewhere (another instance, by hand) as soon as their notice arrives; a listener that lost its
 * connection forgets every device when it is back.
 */
@MicronautTest(environments = "test", transactional = false)
class DeviceDirectoryIT {

    @Inject Fixtures fixtures;
    @Inject DeviceDirectory directory;
    @Inject Devices devices;
    @Inject Database database;
    @Inject ConnectionOperations<Connection> connections;
    @Inject DatabaseNotices notices;
    @Inject MeterRegistry registry;

    @Test
    void findsWhatTheRegistryHoldsAndSeesARegistrationAtOnce() {
        World world = fixtures.world();
        String id = "bed-dir-" + UUID.randomUUID().toString().substring(0, 8);
        assertFalse(directory.find(List.of(id, world.buttonId())).containsKey(id), "not registered yet");

        fixtures.device(world.tenant(), id, DeviceType.BED_SENSOR, world.elder().id());
        Map<String, Device> found = directory.find(List.of(id, world.buttonId()));
        assertEquals(world.elder().id(), found.get(id).elderId(), "an unknown id is not cached");
        assertEquals(DeviceType.BED_SENSOR, found.get(id).type());
        assertEquals(DeviceType.SOS_BUTTON, found.get(world.buttonId()).type());
        assertEquals(devices.findById(world.buttonId()).orElseThrow(), found.get(world.buttonId()),
                "the same device as the repository maps");

        fixtures.device(world.tenant(), id, DeviceType.BED_SENSOR, null);
        assertNull(directory.find(List.of(id)).get(id).elderId(), "re-registration replaces the cached entry");
    }

    @Test
    void anExpiredEntryIsReloadedButKeptWhenUnchangedAndReplacedWhenChangedElsewhere() {
        World world = fixtures.world();
        String id = world.button().device().id();
        try (DeviceDirectory expiresAtOnce = new DeviceDirectory(connections, notices, registry, Duration.ZERO,
                Duration.ZERO)) {
            // Its listener forgets everything when it connects: not in the middle of what follows.
            await().atMost(Duration.ofSeconds(10)).until(expiresAtOnce::hearsChanges);
            reloadsAnExpiredEntry(world, id, expiresAtOnce);
        }
    }

    private void reloadsAnExpiredEntry(World world, String id, DeviceDirectory expiresAtOnce) {
        Device first = expiresAtOnce.find(List.of(id)).get(id);
        assertSame(first, expiresAtOnce.find(List.of(id)).get(id),
                "an unchanged reload keeps the cached object (no old-generation churn at city scale)");

        String bed = "bed-dir-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.device(world.tenant(), bed, DeviceType.BED_SENSOR, null);
        Map<String, Device> both = expiresAtOnce.find(List.of(id, bed));
        assertSame(both.get(id).tenantId(), both.get(bed).tenantId(),
                "devices of one tenant share one copy of its id (the cache holds a whole city)");

        database.execute("UPDATE device SET bed_label = 'B-12' WHERE id = '" + id + "'");
        Device changed = expiresAtOnce.find(List.of(id)).get(id);
        assertNotSame(first, changed);
        assertEquals("B-12", changed.bedLabel(), "a change made by another instance shows once the entry expired");
    }

    @Test
    void aChangeMadeElsewhereIsForgottenWhenItsNoticeArrivesAndOnlyThen() {
        World world = fixtures.world();
        String id = world.buttonId();
        Device first = directory.find(List.of(id)).get(id);
        double hits = hits();
        assertSame(first, directory.find(List.of(id)).get(id), "cached (for an hour: the notices tell of changes)");
        assertEquals(hits + 1, hits(), "counted as a hit");

        database.execute("UPDATE device SET bed_label = 'B-7' WHERE id = '" + id + "'");
        await().atMost(Duration.ofSeconds(5)).until(() -> "B-7".equals(directory.find(List.of(id)).get(id).bedLabel()));

        String gone = "bed-dir-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.device(world.tenant(), gone, DeviceType.BED_SENSOR, null);
        assertTrue(directory.find(List.of(gone)).containsKey(gone));
        database.execute("DELETE FROM device WHERE id = '" + gone + "'");
        await().atMost(Duration.ofSeconds(5)).until(() -> !directory.find(List.of(gone)).containsKey(gone));
    }

    @Test
    void aStatementChangingMoreThanAThousandDevicesMakesEveryInstanceForgetThemAll() {
        World world = fixtures.world();
        String id = world.buttonId();
        Device cached = directory.find(List.of(id)).get(id);
        String prefix = "bulk-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        database.execute("INSERT INTO device (id, tenant_id, type, serial) SELECT '" + prefix + "' || n, '"
                + world.tenant() + "', 'BED_SENSOR', 'SN-" + prefix + "' || n FROM generate_series(1, 1001) AS n");
        try {
            assertSame(cached, directory.find(List.of(id)).get(id), "new devices need no notice");
            database.execute("UPDATE device SET bed_label = 'moved' WHERE id LIKE '" + prefix + "%'");
            await().atMost(Duration.ofSeconds(5)).until(() -> directory.find(List.of(id)).get(id) != cached);
            assertEquals(cached, directory.find(List.of(id)).get(id), "reloaded as it is");
        } finally {
            database.execute("DELETE FROM device WHERE id LIKE '" + prefix + "%'");
        }
    }

    @Test
    void whenTheNoticesWereNotHeardForAWhileEveryDeviceIsForgotten() {
        World world = fixtures.world();
        String id = world.buttonId();
        Device cached = directory.find(List.of(id)).get(id);
        assertSame(cached, directory.find(List.of(id)).get(id));
        database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                + DatabaseNotices.applicationName("device-directory") + "'");
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.find(List.of(id)).get(id) != cached);
    }

    private double hits() {
        return registry.get("smartcare.devices.cache.lookups").tag("result", "hit").counter().count();
    }
}
