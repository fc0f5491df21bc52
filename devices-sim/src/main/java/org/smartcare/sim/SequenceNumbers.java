package org.smartcare.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-device sequence numbers that keep increasing across runs without persisting anything.
 *
 * <p>The first message of a device in a run takes the current time in epoch microseconds as its
 * seq, every further message of that device in the run adds one. A later run therefore starts above
 * everything an earlier run sent, unless that run sent more than a million messages per second to
 * one device, which a QoS 1 publisher waiting for each PUBACK cannot. The price is a gap in the
 * sequence between runs, which is what a real device shows after a reboot too. Milliseconds would
 * have been the obvious base, but a fast run (thousands of presses of one device in a second) could
 * then overlap the next run's numbers; the service keys events on (deviceId, seq, ts), so even that
 * would not merge two events, but the sequence would go backwards. Microseconds stay far below
 * {@link Long#MAX_VALUE} (about 1.8e15 today).
 */
public final class SequenceNumbers {

    private final Clock clock;
    private final Map<String, Long> next = new HashMap<>();

    public SequenceNumbers(Clock clock) {
        this.clock = clock;
    }

    /** The seq for the next message of {@code deviceId}. */
    public synchronized long next(String deviceId) {
        long seq = next.computeIfAbsent(deviceId, id -> epochMicros(clock.instant()));
        next.put(deviceId, seq + 1);
        return seq;
    }

    static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }
}
