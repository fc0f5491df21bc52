package org.smartcare.ingest;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import org.smartcare.device.GeoPoint;
import org.smartcare.device.EventType;

/** A schema-valid event payload. */
public record DecodedEvent(long seq, Instant deviceTs, EventType type, @Nullable GeoPoint location,
                           @Nullable Double accuracyM) {
}
