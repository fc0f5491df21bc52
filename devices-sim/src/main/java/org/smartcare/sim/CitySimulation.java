package org.smartcare.sim;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scheduler: one thread walks all devices in order of their next simulated action (a priority
 * queue of next-send times) and hands the messages to the non-blocking connections.
 */
final class CitySimulation {

    private final List<DeviceRunner> runners;
    private final AtomicLong simTime = new AtomicLong();

    CitySimulation(List<DeviceRunner> runners) {
        this.runners = runners;
    }

    /** The simulated time reached, for progress lines. */
    long simTime() {
        return simTime.get();
    }

    /**
     * Runs from {@code simStart} until {@code simEnd} (exclusive) or until the pacer says stop, then
     * finishes every device (held messages, clean shutdown).
     *
     * @return the simulated time the run ended at
     */
    long run(long simStart, long simEnd, Pacer pacer) {
        simTime.set(simStart);
        PriorityQueue<DeviceRunner> due = new PriorityQueue<>(Math.max(1, runners.size()),
                Comparator.comparingLong(DeviceRunner::nextAt));
        due.addAll(runners);
        long end = simEnd;
        while (!due.isEmpty()) {
            DeviceRunner next = due.peek();
            long at = next.nextAt();
            if (at >= simEnd) {
                break;
            }
            if (!pacer.awaitSim(at)) {
                end = Math.max(simStart, Math.min(simEnd, pacer.simNow()));
                break;
            }
            due.poll();
            simTime.set(at);
            next.advance(at);
            due.add(next);
        }
        for (DeviceRunner runner : runners) {
            runner.finish(end);
        }
        simTime.set(end);
        return end;
    }
}
