package org.smartcare.telemetry;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** One vitals sample of a bed sensor; (deviceId, ts, seq, sample) identifies it. */
public record BedSample(String deviceId, Instant ts, long seq, int sample, @Nullable Integer heartRate,
                        @Nullable Integer respirationRate, boolean inBed, @Nullable Integer movement) {
}
