package org.smartcare.ingest.mqtt;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Backpressure towards the broker. Mosquitto 2.0.11 does not keep to the receive maximum once acknowledgements
 * flow (bench/README.md), so a lane bounds what it holds itself: while more than {@code high} messages wait in
 * it, its socket is not read and TCP holds the broker back; the broker keeps the rest in the persistent session.
 * Reading resumes when no more than a quarter of {@code high} wait. It is Paho's receiver thread that waits here,
 * in the read it would otherwise wait in for data; Paho's callback thread never blocks.
 * <p>
 * A short stall (a checkpoint, a slow commit) must not cost the connection: after each {@code pause} a paused
 * lane reads one small piece, so Paho keeps hearing from the broker within its keepalive. Past twice
 * {@code high} (the database is down, not slow) it reads nothing until it has drained: the connection may then
 * time out and is made again later, which loses nothing (unacknowledged messages stay with the broker).
 */
final class ReceiveGate {

    static final int TRICKLE_BYTES = 4096;
    private static final long POLL_MS = 5;

    private final IntSupplier waiting;
    private final int high;
    private final int low;
    private final long pauseNanos;
    private final AtomicLong pausedNanos = new AtomicLong();

    ReceiveGate(IntSupplier waiting, int high, long pauseMillis) {
        if (high < 1) {
            throw new IllegalArgumentException("the most messages a lane may hold must be positive, got " + high);
        }
        this.waiting = waiting;
        this.high = high;
        this.low = high / 4;
        this.pauseNanos = TimeUnit.MILLISECONDS.toNanos(pauseMillis);
    }

    /**
     * Waits while the lane holds too much, then says how many of the {@code wanted} bytes may be read now.
     * Returns at once when {@code closed} turns true, so a connection being torn down is not held up.
     */
    int admit(int wanted, BooleanSupplier closed) throws InterruptedIOException {
        if (waiting.getAsInt() <= high) {
            return wanted;
        }
        long start = System.nanoTime();
        try {
            while (waiting.getAsInt() > low && !closed.getAsBoolean()) {
                if (System.nanoTime() - start >= pauseNanos && waiting.getAsInt() <= 2 * high) {
                    return Math.min(wanted, TRICKLE_BYTES);
                }
                Thread.sleep(POLL_MS);
            }
            return wanted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the lane was full");
        } finally {
            pausedNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** Seconds this gate has held reading back, in total (for /prometheus). */
    double pausedSeconds() {
        return pausedNanos.get() / 1e9;
    }
}
