package org.smartcare.telemetry;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** One event as the device sent it; (deviceId, deviceTs, seq) identifies it. */
public record DeviceEvent(
        String deviceId,
        long seq,
        Instant deviceTs,
        String type,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable Double accuracyM,
        @Nullable Double durationS,
        @Nullable String detail,
        Instant receivedAt) {

    public EventKey key() {
        return new EventKey(deviceId, deviceTs, seq);
    }
}
