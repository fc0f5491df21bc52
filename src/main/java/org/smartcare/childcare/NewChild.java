package org.smartcare.childcare;

import java.time.LocalDate;
import java.util.Objects;
import org.smartcare.care.Gender;

/** A child to register; the national ID number is the natural key within the tenant. */
public record NewChild(String tenantId, String name, String nationalId, LocalDate birthDate, Gender gender) {

    public NewChild {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
        if (nationalId == null || !nationalId.matches("[0-9]{17}[0-9X]")) {
            throw new IllegalArgumentException("a national ID number has 17 digits and a digit or X");
        }
    }
}
