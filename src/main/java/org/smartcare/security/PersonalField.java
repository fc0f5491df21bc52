package org.smartcare.security;

/** Kinds of personal data, each with its own masking. */
public enum PersonalField {
    /** A person's name (elder, child, contact, guardian). */
    NAME,
    /** 居民身份证号码. */
    NATIONAL_ID,
    PHONE,
    /** The door number; the community is not masked. */
    ADDRESS,
    /** Coordinates: home, device fixes, check-ins. */
    LOCATION,
    /** Health measurements: vitals. */
    HEALTH
}
