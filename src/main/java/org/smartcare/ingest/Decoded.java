package org.smartcare.ingest;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import org.smartcare.device.EventType;
import org.smartcare.device.GeoPoint;

/** A schema-valid payload, by kind. Every kind carries the message identity: device time and sequence number. */
public sealed interface Decoded {

    long seq();

    Instant ts();

    /** Device time of the newest reading the message carries: the earliest the device could have sent it. */
    default Instant newestReading() {
        return ts();
    }

    /** An event (channel event). */
    record Event(long seq, Instant ts, EventType type, @Nullable GeoPoint location, @Nullable Double accuracyM,
                 @Nullable Double durationS, @Nullable String detail) implements Decoded {
    }

    /** A batch of bed vitals (channel telemetry, bed sensors). */
    record BedVitals(long seq, Instant ts, List<Sample> samples) implements Decoded {

        @Override
        public Instant newestReading() {
            long newest = 0;
            for (Sample sample : samples) {
                newest = Math.max(newest, sample.dtMs());
            }
            return ts.plusMillis(newest);
        }

        /** One sample, taken dtMs after the message's ts. */
        public record Sample(long dtMs, @Nullable Integer heartRate, @Nullable Integer respirationRate, boolean inBed,
                             @Nullable Integer movement) {
        }
    }

    /** A button heartbeat (channel telemetry, buttons). */
    record ButtonBeat(long seq, Instant ts, int battery, @Nullable Integer signalDbm, @Nullable GeoPoint location,
                      @Nullable Double accuracyM) implements Decoded {
    }

    /** Camera stream health (channel telemetry, cameras). */
    record CameraBeat(long seq, Instant ts, double fps, int bitrateKbps, @Nullable Double storageDaysLeft,
                      @Nullable Boolean recording) implements Decoded {
    }

    /** A caregiver phone's location fix (channel telemetry, caregiver phones). */
    record CaregiverLocation(long seq, Instant ts, GeoPoint location, @Nullable Double accuracyM,
                             @Nullable Long orderId) implements Decoded {
    }

    /** A status message (channel status), including Last Wills. */
    record Status(long seq, Instant ts, boolean online, @Nullable String reason, @Nullable Integer battery,
                  @Nullable Integer signalDbm, @Nullable String firmware) implements Decoded {
    }
}
