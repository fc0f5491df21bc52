package org.smartcare.care;

/** Kinds of institution named in the city plans. */
public enum InstitutionType {
    ELDER_CARE_HOME, STREET_CARE_CENTER, COMMUNITY_DAY_CARE, RURAL_HAPPINESS_HOME, MEAL_POINT, MEDICAL_CARE_COMBINED,
    NURSERY, KINDERGARTEN_NURSERY_CLASS, FAMILY_NURSERY
}
