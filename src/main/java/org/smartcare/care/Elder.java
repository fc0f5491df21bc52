package org.smartcare.care;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/** An older person in the registry. The national ID is sensitive: it leaves the service masked by role. */
@MappedEntity("elder")
public record Elder(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        String name,
        String nationalId,
        LocalDate birthDate,
        Gender gender,
        @Nullable String phone,
        String regionCode,
        @Nullable String street,
        @Nullable String community,
        @Nullable String address,
        @Nullable Double latitude,
        @Nullable Double longitude,
        LivingArrangement livingArrangement,
        @Nullable AbilityLevel abilityLevel,
        @Nullable LocalDate abilityAssessedOn,
        @Nullable Long institutionId,
        boolean homeCareBed,
        String timeZone) {

    public Elder {
        if (nationalId == null || !nationalId.matches("[0-9]{17}[0-9X]")) {
            throw new IllegalArgumentException("national ID must be 17 digits and a check digit or X");
        }
    }

    /** Whole years of age on today's date in the elder's own time zone. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public int age() {
        return ageOn(LocalDate.now(ZoneId.of(timeZone)));
    }
}
