package org.smartcare.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.Optional;

/**
 * Who is asking: subject, role, tenant and (for institution staff) institution, read from a verified
 * token. A token without a known role or without the tenant its role needs is refused.
 */
public record Caller(String subject, Role role, @Nullable String tenantId, @Nullable Long institutionId) {

    public static final String TENANT_CLAIM = "tenant";
    public static final String INSTITUTION_CLAIM = "institution";

    public Caller {
        if (role != Role.ADMIN && tenantId == null) {
            throw new IllegalArgumentException("a " + role + " token must name its tenant");
        }
        if (role == Role.INSTITUTION_STAFF && institutionId == null) {
            throw new IllegalArgumentException("an INSTITUTION_STAFF token must name its institution");
        }
    }

    public static Caller from(Authentication authentication) {
        Role role = highestRole(authentication.getRoles())
                .orElseThrow(() -> new IllegalArgumentException("token carries no SmartCare role"));
        Object tenant = authentication.getAttributes().get(TENANT_CLAIM);
        Object institution = authentication.getAttributes().get(INSTITUTION_CLAIM);
        return new Caller(authentication.getName(), role, tenant == null ? null : tenant.toString(),
                institution == null ? null : Long.valueOf(institution.toString()));
    }

    /** Roles are listed most powerful first, so a token with several acts with the strongest. */
    private static Optional<Role> highestRole(Collection<String> roles) {
        for (Role candidate : Role.values()) {
            if (roles.contains(candidate.name())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }
}
