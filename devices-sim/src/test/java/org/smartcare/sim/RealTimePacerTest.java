package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RealTimePacerTest {

    @Test
    void wakesAtTheEndOfTheMillisecondTheActionFallsIn() {
        long start = 5_000_000_000L;
        assertEquals(start, RealTimePacer.tickEnd(start, start));
        assertEquals(start + 1_000_000, RealTimePacer.tickEnd(start, start + 1));
        assertEquals(start + 1_000_000, RealTimePacer.tickEnd(start, start + 999_999));
        assertEquals(start + 1_000_000, RealTimePacer.tickEnd(start, start + 1_000_000));
        assertEquals(start + 4_000_000, RealTimePacer.tickEnd(start, start + 3_400_000));
    }

    @Test
    void neverReleasesAnActionBeforeItIsDue() {
        long simStart = 1_000_000;
        RealTimePacer pacer = new RealTimePacer(simStart, 1, new CountDownLatch(1));
        long wallStart = System.nanoTime();
        for (int ms = 1; ms <= 20; ms += 3) {
            assertTrue(pacer.awaitSim(simStart + ms));
            long elapsed = System.nanoTime() - wallStart;
            assertTrue(elapsed >= ms * 1_000_000L, "released " + elapsed + " ns after the start, due at " + ms + " ms");
        }
    }

    @Test
    void aRunStartedNowKeepsTheWallClocksTimeThroughItsSetUp() {
        long simStart = System.currentTimeMillis() - 400;   // the devices took 0.4 s to set up
        RealTimePacer pacer = RealTimePacer.startedAt(simStart, 1, new CountDownLatch(1));
        long behind = System.currentTimeMillis() - pacer.simNow();
        assertTrue(behind >= -5 && behind <= 50, "simulated time trails the wall clock by " + behind + " ms");
        long wallStart = System.nanoTime();
        assertTrue(pacer.awaitSim(simStart + 300));
        assertTrue(System.nanoTime() - wallStart < 100_000_000L, "an action already due is not held back");
        assertTrue(pacer.lagMs(simStart + 300) >= 100);
    }

    @Test
    void stopsWaitingWhenStopped() {
        CountDownLatch stop = new CountDownLatch(1);
        RealTimePacer pacer = new RealTimePacer(0, 1, stop);
        stop.countDown();
        assertEquals(false, pacer.awaitSim(60_000));
    }
}
