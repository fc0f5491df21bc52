package org.smartcare.indicator;

import org.smartcare.care.InstitutionType;
import org.smartcare.care.Ownership;

/** Institutions of a region that share type, ownership and flags, with their capacities added up. */
public record InstitutionGroup(InstitutionType type, Ownership ownership, boolean inclusive, boolean filed,
                               boolean demonstration, long institutions, long beds, long nursingBeds,
                               long occupiedBeds, long places, long enrolled) {

    public InstitutionGroup {
        if (institutions < 1 || beds < 0 || nursingBeds < 0 || occupiedBeds < 0 || places < 0 || enrolled < 0) {
            throw new IllegalArgumentException("a group holds at least one institution and no negative capacity");
        }
    }
}
