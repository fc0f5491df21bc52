package org.smartcare.telemetry;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A button's periodic heartbeat. */
public record ButtonHeartbeat(String deviceId, Instant ts, long seq, int battery, @Nullable Integer signalDbm,
                              @Nullable Double latitude, @Nullable Double longitude, @Nullable Double accuracyM) {
}
