package org.smartcare.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.support.Database;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/** The ingest's cached device lookup against the real registry: new devices at once, re-registrations at once. */
@MicronautTest(environments = "test", transactional = false)
class DeviceDirectoryIT {

    @Inject Fixtures fixtures;
    @Inject DeviceDirectory directory;
    @Inject Devices devices;
    @Inject Database database;
    @Inject ConnectionOperations<Connection> connections;

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
        DeviceDirectory expiresAtOnce = new DeviceDirectory(connections, Duration.ZERO);
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
}
