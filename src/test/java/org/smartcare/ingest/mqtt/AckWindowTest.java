package org.smartcare.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AckWindowTest {

    @Test
    void aBatchThatFitsGoesOnAtOnce() throws Exception {
        AckWindow window = new AckWindow(1_000, 10_000);
        window.handed(400);
        long start = System.nanoTime();
        window.awaitRoom(600, () -> true);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
        assertEquals(400, window.unwritten());
    }

    @Test
    void aBatchWaitsUntilTheSocketHasWrittenEnough() throws Exception {
        AckWindow window = new AckWindow(1_000, 10_000);
        window.handed(1_000);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                window.awaitRoom(500, () -> true);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertTrue(!waiting.isDone(), "went on with 1,500 unwritten of 1,000 allowed");
        for (int i = 0; i < 499; i++) {
            window.packetWritten();
        }
        Thread.sleep(100);
        assertTrue(!waiting.isDone(), "went on with 1,001 unwritten");
        window.packetWritten();
        waiting.get(5, TimeUnit.SECONDS);
        assertTrue(window.waitedSeconds() >= 0.1, String.valueOf(window.waitedSeconds()));
    }

    @Test
    void aNewConnectionStartsFromNothingUnwritten() throws Exception {
        AckWindow window = new AckWindow(1_000, 10_000);
        window.handed(900); // handed to a connection that went away: never written
        window.packetWritten(); // its CONNECT, say
        window.connected();
        assertEquals(0, window.unwritten());
        window.handed(10);
        assertEquals(10, window.unwritten());
        for (int i = 0; i < 12; i++) { // ten acknowledgements, a SUBSCRIBE and a ping: the estimate errs low, not below 0
            window.packetWritten();
        }
        assertEquals(0, window.unwritten());
    }

    @Test
    void theWaitEndsWhenTheConnectionIsGoneOrAfterTheLongestWait() throws Exception {
        AckWindow window = new AckWindow(10, 300);
        window.handed(10);
        long start = System.nanoTime();
        window.awaitRoom(5, () -> false);
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(200));
        start = System.nanoTime();
        window.awaitRoom(5, () -> true);
        long waited = System.nanoTime() - start;
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(300) && waited < TimeUnit.SECONDS.toNanos(5), waited + " ns");
    }

    @Test
    void theLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new AckWindow(0, 1_000));
    }
}
