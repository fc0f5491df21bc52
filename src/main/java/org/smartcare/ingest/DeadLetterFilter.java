package org.smartcare.ingest;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Set;

/**
 * Which dead letters a reader asks for and may see. {@code tenantId} set: only letters of that tenant's
 * registered devices (a letter from an unknown device or an unparsable topic belongs to no tenant, so
 * only a reader without a tenant, the administrator, sees it). Empty {@code reasons}: every reason.
 */
public record DeadLetterFilter(@Nullable String tenantId, Set<DeadLetterReason> reasons, @Nullable String deviceId,
                               @Nullable Instant from, @Nullable Instant to) {

    public DeadLetterFilter {
        reasons = Set.copyOf(reasons);
    }
}
