package org.smartcare.device;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** That a device was heard from, with whatever it said about its battery and radio. */
public record Sighting(String deviceId, Instant at, @Nullable Integer battery, @Nullable Integer signalDbm) {

    /** Keeps the latest time and the latest known battery and signal of the two. */
    Sighting merge(Sighting other) {
        Sighting newer = other.at.isAfter(at) ? other : this;
        Sighting older = newer == this ? other : this;
        return new Sighting(deviceId, newer.at,
                newer.battery != null ? newer.battery : older.battery,
                newer.signalDbm != null ? newer.signalDbm : older.signalDbm);
    }
}
