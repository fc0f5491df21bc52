package org.smartcare.telemetry;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A nursery camera's stream health heartbeat. */
public record CameraHealth(String deviceId, Instant ts, long seq, double fps, int bitrateKbps,
                           @Nullable Double storageDaysLeft, @Nullable Boolean recording) {
}
