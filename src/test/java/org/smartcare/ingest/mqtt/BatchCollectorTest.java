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

    /** A linger no test could sit out: a batch that returns at all was closed by size, urgency or an empty queue. */
    private static final Duration FOREVER = Duration.ofHours(1);
    private static final Duration GUARD = Duration.ofSeconds(20);

    @Test
    void anUrgentMessageClosesTheBatchWithoutWaitingForTheLinger() {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("t1", "t2", "EVENT", "t3"));
        BatchCollector<String> collector = new BatchCollector<>(100, FOREVER, m -> m.startsWith("EVENT"));
        List<String> batch = new ArrayList<>();

        assertTimeoutPreemptively(GUARD, () -> collector.collect(queue, batch));

        assertEquals(List.of("t1", "t2", "EVENT"), batch);
        assertEquals(List.of("t3"), new ArrayList<>(queue), "the rest waits for the next batch");
    }

    @Test
    void anUrgentFirstMessageIsABatchOfItsOwn() {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("EVENT", "t1"));
        List<String> batch = new ArrayList<>();

        assertTimeoutPreemptively(GUARD, () -> new BatchCollector<String>(100, FOREVER, m -> m.equals("EVENT"))
                .collect(queue, batch));

        assertEquals(List.of("EVENT"), batch);
    }

    @Test
    void telemetryFillsTheBatchUpToItsSize() {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("t1", "t2", "t3", "t4", "t5"));
        List<String> batch = new ArrayList<>();

        assertTimeoutPreemptively(GUARD, () -> new BatchCollector<String>(3, FOREVER, m -> false).collect(queue, batch));

        assertEquals(List.of("t1", "t2", "t3"), batch);
    }

    @Test
    void withoutMoreMessagesTheBatchClosesWhenTheLingerEnds() {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("t1"));
        List<String> batch = new ArrayList<>();

        assertTimeoutPreemptively(GUARD, () -> new BatchCollector<String>(100, Duration.ofMillis(10), m -> false)
                .collect(queue, batch));

        assertEquals(List.of("t1"), batch);
    }

    @Test
    void withoutLingerTheBatchTakesWhatHasQueuedAndNeverWaitsForMore() throws Exception {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("e1", "e2", "e3"));
        List<String> batch = new ArrayList<>();
        BatchCollector<String> drain = new BatchCollector<>(2, Duration.ZERO, m -> false);

        assertTimeoutPreemptively(GUARD, () -> drain.collect(queue, batch));
        assertEquals(List.of("e1", "e2"), batch);

        batch.clear();
        long started = System.nanoTime();
        drain.collect(queue, batch);
        assertEquals(List.of("e3"), batch);
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(1).toNanos(), "returned without waiting");
    }
}
