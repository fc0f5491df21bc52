package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LinkTest {

    @Test
    void beyondMaxPendingAPublishFailsAtOnceInsteadOfQueueing() throws Exception {
        List<PublishResult> results = new CopyOnWriteArrayList<>();
        try (PahoRuntime runtime = PahoRuntime.forManyConnections(1)) {
            // Never connected: everything sent waits in the queue, as while a slow broker lags behind.
            Link link = new PahoLink(SETTINGS, runtime, (publish, result) -> results.add(result));
            sendFive(link);
            assertTwoRefused(results);
            link.release();
        }
    }

    @Test
    void theBatchingLinkRefusesBeyondMaxPendingAsWell() {
        List<PublishResult> results = new CopyOnWriteArrayList<>();
        try (PublishLoop loop = new PublishLoop(PublishLoop.DEFAULT_LINGER)) {
            Link link = new BatchingLink(SETTINGS, loop, (publish, result) -> results.add(result));
            sendFive(link);
            assertTwoRefused(results);
            link.release();
        }
    }

    private static final Link.Settings SETTINGS = new Link.Settings("tcp://127.0.0.1:1", "link-test", "u", "p", 10, 1, 3);

    private static void sendFive(Link link) {
        for (int i = 0; i < 5; i++) {
            link.send(new Link.Publish("t/" + i, new byte[] {1}, false, i));
        }
    }

    private static void assertTwoRefused(List<PublishResult> results) {
        assertEquals(2, results.size(), "three wait, two are refused: " + results);
        results.forEach(r -> {
            assertEquals(PublishResult.Outcome.FAILED, r.outcome());
            assertTrue(r.detail().startsWith("dropped: 3 publishes already waiting"), r.detail());
        });
    }
}
