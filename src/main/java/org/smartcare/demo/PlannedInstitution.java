package org.smartcare.demo;

import org.smartcare.care.InstitutionType;
import org.smartcare.care.Ownership;

/** One institution the plan city generator will create. */
public record PlannedInstitution(String code, String name, InstitutionType type, Ownership ownership,
                                 boolean inclusive, String regionCode, int beds, int nursingBeds, int places,
                                 boolean filed, boolean demonstration) {

    public PlannedInstitution {
        if (beds < 0 || nursingBeds < 0 || nursingBeds > beds || places < 0) {
            throw new IllegalArgumentException("capacities must be non-negative, nursing beds within beds: " + code);
        }
    }
}
