package org.smartcare.device;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A status message's effect on the device's state; older ones (by device time) never undo newer ones. */
public record StatusChange(String deviceId, long seq, boolean online, @Nullable String reason, Instant statusTs,
                           Instant receivedAt, @Nullable Integer battery, @Nullable Integer signalDbm,
                           @Nullable String firmware) {
}
