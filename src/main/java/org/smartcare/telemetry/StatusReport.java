package org.smartcare.telemetry;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A status message: online on connect, offline from a Last Will or a clean shutdown. */
public record StatusReport(String deviceId, Instant ts, long seq, boolean online, @Nullable String reason,
                           @Nullable Integer battery, @Nullable Integer signalDbm, @Nullable String firmware,
                           Instant receivedAt) {
}
