package org.smartcare.childcare;

import io.micronaut.core.annotation.Nullable;

/**
 * Which children a reader may see: all (all null), one tenant's, the children enrolled now at one nursery of
 * it, or the children one guardian (a token subject) of it looks after.
 */
public record ChildScope(@Nullable String tenantId, @Nullable Long nurseryId, @Nullable String guardian) {

    public static final ChildScope EVERYTHING = new ChildScope(null, null, null);

    public ChildScope {
        if ((nurseryId != null || guardian != null) && tenantId == null) {
            throw new IllegalArgumentException("a nursery or guardian scope needs its tenant");
        }
    }
}
