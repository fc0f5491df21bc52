package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;

/** Which alerts a caller may see: all (both null), one tenant's, or one institution's within it. */
public record AlertScope(@Nullable String tenantId, @Nullable Long institutionId) {

    public static final AlertScope EVERYTHING = new AlertScope(null, null);

    public AlertScope {
        if (institutionId != null && tenantId == null) {
            throw new IllegalArgumentException("an institution scope needs its tenant");
        }
    }

    public boolean includes(Alert alert) {
        return (tenantId == null || tenantId.equals(alert.tenantId()))
                && (institutionId == null || institutionId.equals(alert.institutionId()));
    }
}
