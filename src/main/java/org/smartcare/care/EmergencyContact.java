package org.smartcare.care;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Someone to call about an elder; priority 1 is called first. */
@MappedEntity("emergency_contact")
public record EmergencyContact(
        @Id @GeneratedValue @Nullable Long id,
        long elderId,
        int priority,
        String name,
        String relation,
        String phone) {
}
