package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** Where a caregiver's phone was at a moment, with the fix's accuracy radius when known. */
public record LocationFix(Instant at, Position position, @Nullable Double accuracyM) {

    public LocationFix {
        if (at == null || position == null) {
            throw new IllegalArgumentException("a fix needs a time and a position");
        }
        if (accuracyM != null && !(accuracyM >= 0)) {
            throw new IllegalArgumentException("accuracy must be a non-negative radius, got " + accuracyM);
        }
    }

    public static LocationFix of(Instant at, double latitude, double longitude) {
        return new LocationFix(at, new Position(latitude, longitude), null);
    }
}
