package org.smartcare.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** When a lane's socket may be read: freely below the bound, not while full, a little now and then when stuck. */
class ReceiveGateTest {

    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    @Test
    void belowTheBoundEverythingMayBeRead() throws Exception {
        ReceiveGate gate = new ReceiveGate(waiting::get, 100, 1_000);
        waiting.set(100);
        assertEquals(65_536, gate.admit(65_536, closed::get));
        assertEquals(0.0, gate.pausedSeconds());
    }

    @Test
    void aFullLaneWaitsUntilItHasDrainedToAQuarter() throws Exception {
        ReceiveGate gate = new ReceiveGate(waiting::get, 100, 60_000);
        waiting.set(150);
        AtomicReference<Thread> reader = new AtomicReference<>();
        CompletableFuture<Integer> admitted = CompletableFuture.supplyAsync(() -> {
            reader.set(Thread.currentThread());
            return admit(gate, 8192);
        });
        // Only once the reader sleeps between polls is it surely inside the pause, so the pause counted covers
        // at least the time from here to the release (a fixed 200 ms failed when the reader started late).
        while (reader.get() == null || reader.get().getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        long pausing = System.nanoTime();
        Thread.sleep(100);
        assertFalse(admitted.isDone(), "nothing is read while more than 100 wait");
        waiting.set(26);
        Thread.sleep(100);
        assertFalse(admitted.isDone(), "still above a quarter of the bound");
        long released = System.nanoTime();
        waiting.set(25);
        assertEquals(8192, admitted.get(5, TimeUnit.SECONDS));
        double atLeast = (released - pausing) / 1e9;
        assertTrue(gate.pausedSeconds() >= atLeast, "the pause is counted: " + gate.pausedSeconds() + " s, at least "
                + atLeast + " s");
    }

    @Test
    void aLaneThatStaysFullReadsALittleAfterEachPauseToKeepTheConnection() throws Exception {
        ReceiveGate gate = new ReceiveGate(waiting::get, 100, 50);
        waiting.set(180);
        long start = System.nanoTime();
        assertEquals(ReceiveGate.TRICKLE_BYTES, gate.admit(65_536, closed::get));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void pastTwiceTheBoundNothingIsReadUntilTheSocketCloses() throws Exception {
        ReceiveGate gate = new ReceiveGate(waiting::get, 100, 10);
        waiting.set(201);
        CompletableFuture<Integer> admitted = CompletableFuture.supplyAsync(() -> admit(gate, 8192));
        Thread.sleep(150);
        assertFalse(admitted.isDone(), "no trickle while the lane holds more than twice its bound");
        closed.set(true);
        assertEquals(8192, admitted.get(5, TimeUnit.SECONDS), "a closing connection is not held up");
    }

    @Test
    void theGatedStreamPassesTheBytesThroughInTheAdmittedPieces() throws Exception {
        ReceiveGate gate = new ReceiveGate(waiting::get, 100, 0);
        byte[] data = new byte[10_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        waiting.set(150); // full, but not past twice the bound: every read is a trickle
        InputStream in = new BufferedSocketFactory.GatedInputStream(new ByteArrayInputStream(data), gate, closed::get,
                () -> { });
        byte[] buffer = new byte[8192];
        assertEquals(ReceiveGate.TRICKLE_BYTES, in.read(buffer, 0, buffer.length));
        waiting.set(0);
        assertEquals(buffer.length, in.read(buffer, ReceiveGate.TRICKLE_BYTES, buffer.length - ReceiveGate.TRICKLE_BYTES)
                + ReceiveGate.TRICKLE_BYTES);
        assertEquals(data[8192] & 0xff, in.read());
        byte[] expected = new byte[8192];
        System.arraycopy(data, 0, expected, 0, 8192);
        assertArrayEquals(expected, buffer);
    }

    @Test
    void aLaneMustBeAllowedToHoldSomething() {
        assertThrows(IllegalArgumentException.class, () -> new ReceiveGate(waiting::get, 0, 1_000));
    }

    private Integer admit(ReceiveGate gate, int wanted) {
        try {
            return gate.admit(wanted, closed::get);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
