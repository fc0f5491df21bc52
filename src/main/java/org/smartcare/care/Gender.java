package org.smartcare.care;

/** As recorded on the national ID. */
public enum Gender {
    MALE, FEMALE
}
