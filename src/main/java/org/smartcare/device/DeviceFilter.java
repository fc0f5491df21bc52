package org.smartcare.device;

import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/**
 * Narrows a device list; null or empty means "any". {@code elderIds}, when given, keeps only devices assigned to
 * those elders (how family members and partners are scoped; an empty set matches nothing).
 */
public record DeviceFilter(Set<DeviceType> types, @Nullable Connectivity connectivity, @Nullable Boolean lowBattery,
                           @Nullable Long institutionId, @Nullable Set<Long> elderIds) {

    /** Whether a device is heard from. */
    public enum Connectivity { ONLINE, OFFLINE, NEVER_SEEN }

    public DeviceFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
        elderIds = elderIds == null ? null : Set.copyOf(elderIds);
    }
}
