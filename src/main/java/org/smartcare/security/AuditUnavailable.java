package org.smartcare.security;

/** The audit trail could not be written or read; a read that cannot be audited must not be answered. */
public class AuditUnavailable extends RuntimeException {

    AuditUnavailable(Throwable cause) {
        super("personal-data audit unavailable: " + cause.getMessage(), cause);
    }
}
