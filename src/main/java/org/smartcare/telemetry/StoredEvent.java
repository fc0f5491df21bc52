package org.smartcare.telemetry;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** An event as stored, for reading back. */
public record StoredEvent(String deviceId, Instant occurredAt, long seq, String type, Instant receivedAt,
                          @Nullable Double latitude, @Nullable Double longitude, @Nullable Double durationS,
                          @Nullable String detail) {
}
