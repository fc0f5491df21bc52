package org.smartcare.care;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A care or childcare institution with its capacity. */
@MappedEntity("institution")
public record Institution(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        String code,
        String name,
        InstitutionType type,
        Ownership ownership,
        boolean inclusive,
        String regionCode,
        @Nullable String street,
        @Nullable String community,
        @Nullable String address,
        @Nullable String phone,
        int beds,
        int nursingBeds,
        int occupiedBeds,
        int childcarePlaces,
        int enrolledChildren,
        boolean filed,
        String timeZone) {
}
