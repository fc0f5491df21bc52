package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import org.smartcare.device.GeoPoint;
import org.smartcare.device.Device;
import org.smartcare.device.EventType;

/** A stored device event, offered to the rules. */
public record AlertTrigger(Device device, EventType type, long seq, Instant occurredAt, @Nullable GeoPoint location) {
}
