package org.smartcare.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class BatchCollectorTest {

    /** A linger no test could sit out: a batch that returns at all was closed by size or by an empty queue without linger. */
    private static final Duration FOREVER = Duration.ofHours(1);
    private static final Duration GUARD = Duration.ofSeconds(20);

    @Test
    void telemetryFillsTheBatchUpToItsSize() {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("t1", "t2", "t3", "t4", "t5"));
        List<String> batch = new ArrayList<>();

        assertTimeoutPreemptively(GUARD, () -> new BatchCollector<String>(3, FOREVER).collect(queue, batch));

        assertEquals(List.of("t1", "t2", "t3"), batch);
    }

    @Test
    void withoutMoreMessagesTheBatchClosesWhenTheLingerEnds() {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("t1"));
        List<String> batch = new ArrayList<>();

        assertTimeoutPreemptively(GUARD, () -> new BatchCollector<String>(100, Duration.ofMillis(10))
                .collect(queue, batch));

        assertEquals(List.of("t1"), batch);
    }

    @Test
    void withoutLingerTheBatchTakesWhatHasQueuedAndNeverWaitsForMore() throws Exception {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("e1", "e2", "e3"));
        List<String> batch = new ArrayList<>();
        BatchCollector<String> drain = new BatchCollector<>(2, Duration.ZERO);

        assertTimeoutPreemptively(GUARD, () -> drain.collect(queue, batch));
        assertEquals(List.of("e1", "e2"), batch);

        batch.clear();
        long started = System.nanoTime();
        drain.collect(queue, batch);
        assertEquals(List.of("e3"), batch);
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(1).toNanos(), "returned without waiting");
    }
}
