package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** One bed-sensor sample as the vitals rules read it; {@code seq} is the sequence number of its message. */
public record VitalsReading(Instant at, long seq, @Nullable Integer heartRate, @Nullable Integer respirationRate,
                            boolean inBed) {
}
