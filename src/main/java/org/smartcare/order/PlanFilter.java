package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/** Narrows a plan list; null or empty means any. */
public record PlanFilter(@Nullable Set<ServiceType> types, @Nullable Long elderId, @Nullable Long institutionId,
                         @Nullable Boolean active) {

    public static final PlanFilter ANY = new PlanFilter(null, null, null, null);
}
