package org.smartcare.ingest.mqtt;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Takes the next batch from a worker's queue: waits for a first message, then for more until the batch is
 * full or the linger is over. Telemetry lingers, since it gains from bigger batches; the events lane has no
 * linger and takes only what has already queued up, since an operator waits for its SOS presses.
 */
final class BatchCollector<T> {

    private final int maxMessages;
    private final Duration linger;

    BatchCollector(int maxMessages, Duration linger) {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("a batch holds at least one message");
        }
        this.maxMessages = maxMessages;
        this.linger = linger;
    }

    /** Fills {@code batch} (empty on entry) from the queue; blocks until at least one message is there. */
    void collect(BlockingQueue<T> queue, List<T> batch) throws InterruptedException {
        batch.add(queue.take());
        long deadline = System.nanoTime() + linger.toNanos();
        while (batch.size() < maxMessages) {
            T next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }
}
