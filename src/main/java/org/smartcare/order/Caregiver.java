package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/** A caregiver 养老护理员 (or nurse) of an institution, who may serve only with a valid certificate (持证上岗). */
@MappedEntity("staff")
public record Caregiver(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        long institutionId,
        String name,
        @Nullable String phone,
        @Nullable String certificateNo,
        @Nullable LocalDate certificateValidFrom,
        @Nullable LocalDate certificateValidUntil,
        @Nullable String phoneDeviceId,
        boolean active) {

    public Caregiver {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a caregiver needs a name");
        }
        if (certificateValidFrom != null && certificateValidUntil != null
                && certificateValidFrom.isAfter(certificateValidUntil)) {
            throw new IllegalArgumentException("certificate validity must not end before it starts");
        }
    }

    /** Holds a certificate valid on that day (open-ended bounds are unbounded). */
    public boolean certifiedOn(LocalDate day) {
        return certificateNo != null
                && (certificateValidFrom == null || !day.isBefore(certificateValidFrom))
                && (certificateValidUntil == null || !day.isAfter(certificateValidUntil));
    }
}
