package org.smartcare.telemetry;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** Vitals of one time bucket: heart and respiration rate statistics, time in bed and bed exits. */
public record VitalsBucket(Instant start, @Nullable Stats heartRate, @Nullable Stats respirationRate,
                           double minutesInBed, int bedExits, int samples) {

    /** Average, minimum and maximum of the measured values in the bucket. */
    public record Stats(double avg, int min, int max) {
    }
}
