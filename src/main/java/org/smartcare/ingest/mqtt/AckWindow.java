package org.smartcare.ingest.mqtt;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Bounds the acknowledgements a lane has handed to Paho and Paho has not yet written. Paho 1.2.5 queues outgoing
 * packets in a {@code Vector} and takes each with {@code remove(0)}: once acknowledgements come faster than its sender
 * writes them, every send costs more than the last, the queue runs away and fills the heap (bench/README.md, "Paho's
 * acknowledgement queue"). So a worker waits here before handing over a batch's acknowledgements while too many are
 * unwritten; the lane's queues then fill and its {@link ReceiveGate} holds the broker back.
 * <p>
 * Written packets are counted by the socket ({@link BufferedSocketFactory}: Paho flushes once per packet). Other packets
 * (pings, subscriptions) count as written acknowledgements too, so the estimate errs low by a handful. Each connection
 * starts from zero: what was handed to an earlier one is never written.
 */
final class AckWindow {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final int limit;
    private final long maxWaitNanos;
    private final AtomicLong handed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong waitedNanos = new AtomicLong();
    private volatile long baseline;

    AckWindow(int limit, long maxWaitMillis) {
        if (limit < 1) {
            throw new IllegalArgumentException("the unwritten acknowledgements allowed must be positive, got " + limit);
        }
        this.limit = limit;
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
    }

    /** Counts a packet the socket wrote. */
    void packetWritten() {
        written.incrementAndGet();
    }

    /** A new connection: nothing handed before it will be written. */
    void connected() {
        baseline = handed.get() - written.get();
    }

    /** Acknowledgements handed to Paho and not written yet, as far as the count can tell (never below zero). */
    long unwritten() {
        return Math.max(0, handed.get() - written.get() - baseline);
    }

    /**
     * Waits until {@code count} more acknowledgements fit, or {@code stillCurrent} turns false (the connection they
     * belong to is gone), or the longest wait passed (a sender that writes nothing for that long is not waited for).
     */
    void awaitRoom(int count, BooleanSupplier stillCurrent) throws InterruptedException {
        if (unwritten() + count <= limit) {
            return;
        }
        long start = System.nanoTime();
        try {
            while (unwritten() + count > limit && stillCurrent.getAsBoolean()
                    && System.nanoTime() - start < maxWaitNanos) {
                TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
            }
        } finally {
            waitedNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** Counts acknowledgements as handed to Paho. */
    void handed(int count) {
        handed.addAndGet(count);
    }

    /** Seconds workers have waited for room, in total (for /prometheus). */
    double waitedSeconds() {
        return waitedNanos.get() / 1e9;
    }
}
