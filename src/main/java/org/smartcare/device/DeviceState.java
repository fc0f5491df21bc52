package org.smartcare.device;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** What the platform currently knows of a device: online or not (and why), when last heard, its vitals. */
public record DeviceState(String deviceId, boolean online, @Nullable String offlineReason, Instant changedAt,
                          Instant lastSeenAt, @Nullable Integer battery, @Nullable Integer signalDbm,
                          @Nullable String firmware) {

    public static final int LOW_BATTERY_PERCENT = 15;

    public boolean lowBattery() {
        return battery != null && battery < LOW_BATTERY_PERCENT;
    }
}
