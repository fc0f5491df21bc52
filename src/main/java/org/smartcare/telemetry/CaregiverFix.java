package org.smartcare.telemetry;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * One location fix of a caregiver's phone; (phone, ts, seq) identifies it. The writer stores it under the
 * caregiver the phone is linked to (staff.phone_device_id), so the track follows the person.
 */
public record CaregiverFix(String deviceId, Instant ts, long seq, double latitude, double longitude,
                           @Nullable Double accuracyM, @Nullable Long orderId) {
}
