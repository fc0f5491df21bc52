package org.smartcare.childcare;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.Period;
import org.smartcare.care.Gender;

/** A child with the nursery they attend now (null when not enrolled anywhere). */
public record Child(long id, String tenantId, String name, String nationalId, LocalDate birthDate, Gender gender,
                    @Nullable Long nurseryId, @Nullable LocalDate enrolledOn) {

    public int ageInMonths(LocalDate today) {
        return (int) Period.between(birthDate, today).toTotalMonths();
    }
}
