package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** One entry of an alert's history: a transition, a note, a repeat, or a dispatch. */
public record HistoryEntry(long alertId, String kind, @Nullable String fromStatus, String toStatus, String actor,
                           Instant at, @Nullable String note) {
}
