package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** One location report of a caregiver's phone, identified by (caregiver, ts, seq). */
public record CaregiverLocation(long caregiverId, @Nullable String deviceId, Instant ts, long seq, LocationFix fix) {

    public CaregiverLocation {
        if (fix == null || !fix.at().equals(ts)) {
            throw new IllegalArgumentException("the fix must be taken at the report's timestamp");
        }
    }

    public static CaregiverLocation of(long caregiverId, @Nullable String deviceId, long seq, LocationFix fix) {
        return new CaregiverLocation(caregiverId, deviceId, fix.at(), seq, fix);
    }
}
