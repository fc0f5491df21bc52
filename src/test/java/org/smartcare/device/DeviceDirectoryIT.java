package org.smartcare.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/** The ingest's cached device lookup against the real registry: new devices at once, re-registrations at once. */
@MicronautTest(environments = "test", transactional = false)
class DeviceDirectoryIT {

    @Inject Fixtures fixtures;
    @Inject DeviceDirectory directory;
    @Inject Devices devices;

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
}
