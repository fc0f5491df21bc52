package org.smartcare.security;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** Which audited reads to list; null parts do not narrow. {@code to} is exclusive. */
public record ReadFilter(@Nullable DataSubject person, @Nullable String subject, @Nullable Instant from,
                         @Nullable Instant to) {

    public static final ReadFilter ALL = new ReadFilter(null, null, null, null);
}
