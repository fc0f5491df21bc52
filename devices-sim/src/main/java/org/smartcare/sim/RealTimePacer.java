package org.smartcare.sim;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Simulated time runs {@code speed} times as fast as the wall clock from {@code simStart}; stops on a latch. */
final class RealTimePacer implements Pacer {

    private final long simStart;
    private final long wallStartNanos;
    private final double speed;
    private final CountDownLatch stop;

    RealTimePacer(long simStart, double speed, CountDownLatch stop) {
        this.simStart = simStart;
        this.wallStartNanos = System.nanoTime();
        this.speed = speed;
        this.stop = stop;
    }

    @Override
    public boolean awaitSim(long simMs) {
        long due = wallStartNanos + (long) ((simMs - simStart) * 1_000_000d / speed);
        long wait = due - System.nanoTime();
        try {
            return wait <= 0 ? stop.getCount() > 0 : !stop.await(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public long simNow() {
        return simStart + (long) ((System.nanoTime() - wallStartNanos) / 1_000_000d * speed);
    }

    /** How far behind schedule the simulation is, in wall milliseconds, for a device due at {@code simMs}. */
    long lagMs(long simMs) {
        return Math.max(0, (long) ((simNow() - simMs) / speed));
    }
}
