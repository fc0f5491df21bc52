package org.smartcare.security;

/** The roles a bearer token can carry. */
public enum Role {
    ADMIN, OPERATOR, INSTITUTION_STAFF, FAMILY, PARTNER
}
