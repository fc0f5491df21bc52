package org.smartcare.sim;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Simulated time runs {@code speed} times as fast as the wall clock from {@code simStart}; stops on a latch.
 * A wait ends on a whole wall-clock millisecond, never before the action is due: a city has thousands of
 * actions a second, and waking once per millisecond for all that are due by then, rather than once per
 * action, cut the scheduler's wake-ups five-fold (each a little late, by under a millisecond).
 */
final class RealTimePacer implements Pacer {

    private static final long TICK_NANOS = 1_000_000;

    private final long simStart;
    private final long wallStartNanos;
    private final double speed;
    private final CountDownLatch stop;

    /** Simulated time starts now, at {@code simStart}, whatever the wall clock says. */
    RealTimePacer(long simStart, double speed, CountDownLatch stop) {
        this(simStart, System.nanoTime(), speed, stop);
    }

    private RealTimePacer(long simStart, long wallStartNanos, double speed, CountDownLatch stop) {
        this.simStart = simStart;
        this.wallStartNanos = wallStartNanos;
        this.speed = speed;
        this.stop = stop;
    }

    /**
     * Simulated time that started at the wall-clock instant {@code simStart} (a run that starts "now"), however
     * long ago: the time spent setting up the devices since then counts. Anchored at its own creation instead,
     * every timestamp of the run would trail the wall clock by that set-up (about 0.4 s for the 152,000 devices of
     * the city bench), which the service then counts as delivery lag.
     */
    static RealTimePacer startedAt(long simStart, double speed, CountDownLatch stop) {
        long sinceStartNanos = Math.max(0, System.currentTimeMillis() - simStart) * 1_000_000L;
        return new RealTimePacer(simStart, System.nanoTime() - sinceStartNanos, speed, stop);
    }

    @Override
    public boolean awaitSim(long simMs) {
        long due = wallStartNanos + (long) ((simMs - simStart) * 1_000_000d / speed);
        long now = System.nanoTime();
        long wait = due - now;
        if (wait > 0) {
            wait = tickEnd(wallStartNanos, due) - now;
        }
        try {
            return wait <= 0 ? stop.getCount() > 0 : !stop.await(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The end of the wall-clock millisecond (counted from {@code wallStart}) in which {@code due} falls. */
    static long tickEnd(long wallStart, long due) {
        long sinceStart = Math.max(0, due - wallStart);
        return wallStart + (sinceStart + TICK_NANOS - 1) / TICK_NANOS * TICK_NANOS;
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
