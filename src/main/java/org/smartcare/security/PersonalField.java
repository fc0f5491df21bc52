package org.smartcare.security;

/** Kinds of personal data, each with its own masking. */
public enum PersonalField {
    NATIONAL_ID, PHONE, ADDRESS, LOCATION, HEALTH
}
