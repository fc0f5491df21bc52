package org.smartcare.ingest.mqtt;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Takes the next batch from a worker's queue: waits for a first message, then for more until the batch is
 * full or the linger is over, but closes the batch at once when an urgent message joins it. Device events
 * (SOS, falls) are urgent: an operator waits for them, while telemetry gains from bigger batches.
 */
final class BatchCollector<T> {

    private final int maxMessages;
    private final Duration linger;
    private final Predicate<T> urgent;

    BatchCollector(int maxMessages, Duration linger, Predicate<T> urgent) {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("a batch holds at least one message");
        }
        this.maxMessages = maxMessages;
        this.linger = linger;
        this.urgent = urgent;
    }

    /** Fills {@code batch} (empty on entry) from the queue; blocks until at least one message is there. */
    void collect(BlockingQueue<T> queue, List<T> batch) throws InterruptedException {
        T first = queue.take();
        batch.add(first);
        if (urgent.test(first)) {
            return;
        }
        long deadline = System.nanoTime() + linger.toNanos();
        while (batch.size() < maxMessages) {
            T next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            if (urgent.test(next)) {
                return;
            }
        }
    }
}
