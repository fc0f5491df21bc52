package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;

/** Narrows a follow-up list: open or closed ones, overdue ones (open and past due), null for any. */
public record FollowUpFilter(@Nullable Boolean open, @Nullable Boolean overdue) {

    public static final FollowUpFilter ANY = new FollowUpFilter(null, null);
}
