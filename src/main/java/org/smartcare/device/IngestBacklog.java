package org.smartcare.device;

import java.time.Duration;

/**
 * How long received messages currently wait in the service before their batch commits. Last seen is the receipt
 * time of a committed message, so while messages wait, a device that keeps talking looks silent for that long;
 * the heartbeat sweep adds this wait to its timeouts instead of declaring a whole city offline when ingest falls
 * behind (which raised offline alerts by the thousand and made it fall further behind). A report ages with the
 * wall clock: once nothing waits any more, the grace shrinks back to zero.
 */
final class IngestBacklog {

    private long waitNanos;
    private long reportedAt;

    /** A batch committed at {@code nowNanos}; its oldest message had waited {@code wait} since receipt. */
    synchronized void committed(Duration wait, long nowNanos) {
        long current = grace(nowNanos);
        long reported = Math.max(0, wait.toNanos());
        if (reported >= current) {
            waitNanos = reported;
            reportedAt = nowNanos;
        }
    }

    /** The extra silence to allow at {@code nowNanos}. */
    synchronized long grace(long nowNanos) {
        return Math.max(0, waitNanos - (nowNanos - reportedAt));
    }
}
