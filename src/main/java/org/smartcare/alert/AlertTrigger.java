package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import org.smartcare.device.Device;
import org.smartcare.device.EventType;
import org.smartcare.device.GeoPoint;

/** A newly stored device event, offered to the rules. */
public record AlertTrigger(Device device, EventType type, long seq, Instant occurredAt, @Nullable GeoPoint location,
                           @Nullable Double durationS, @Nullable String detail) {

    public AlertTrigger(Device device, EventType type, long seq, Instant occurredAt, @Nullable GeoPoint location) {
        this(device, type, seq, occurredAt, location, null, null);
    }
}
