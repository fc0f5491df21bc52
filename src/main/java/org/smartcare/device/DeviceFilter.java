package org.smartcare.device;

import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/** Narrows a device list; null or empty means "any". */
public record DeviceFilter(Set<DeviceType> types, @Nullable Connectivity connectivity, @Nullable Boolean lowBattery,
                           @Nullable Long institutionId) {

    /** Whether a device is heard from. */
    public enum Connectivity { ONLINE, OFFLINE, NEVER_SEEN }

    public DeviceFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
    }
}
