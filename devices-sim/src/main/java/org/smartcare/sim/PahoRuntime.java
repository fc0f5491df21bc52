package org.smartcare.sim;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Threads shared by every MQTT connection of a run. Paho runs a receiver, a sender and a callback loop
 * per connection. With a connection per device, handing it an executor whose workers are virtual threads
 * keeps thousands of connections on a handful of carrier (OS) threads. This needs JDK 24 or later, where
 * {@code synchronized} and {@code Object.wait} no longer pin a virtual thread to its carrier (JEP 491):
 * Paho's loops use both. With a few busy connections (load runs) Paho keeps its own platform threads:
 * there every message wakes those loops, and each virtual-thread wake-up is a hop through the carrier pool
 * (and a timed wait one more through the unparker thread), which cost the city's load generator a third
 * of its CPU. {@link #connectSlots} bounds the connects in progress.
 */
final class PahoRuntime implements AutoCloseable {

    private final ScheduledThreadPoolExecutor scheduler;
    private final ScheduledExecutorService paho;
    private final ExecutorService control;
    private final Semaphore connectSlots;

    private PahoRuntime(int concurrentConnects, boolean virtualPaho) {
        // A core size that is never reached: every task gets a (virtual) worker, and none is ever queued
        // behind one of Paho's endless loops.
        this.scheduler = new ScheduledThreadPoolExecutor(Integer.MAX_VALUE,
                Thread.ofVirtual().name("paho-", 0).factory());
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.paho = virtualPaho ? scheduler : null;
        this.control = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("link-", 0).factory());
        this.connectSlots = new Semaphore(concurrentConnects);
    }

    /** For a connection per device: Paho's loops run on virtual threads. */
    static PahoRuntime forManyConnections(int concurrentConnects) {
        return new PahoRuntime(concurrentConnects, true);
    }

    /** For a few connections carrying many messages each: Paho's loops keep their own platform threads. */
    static PahoRuntime forFewConnections(int concurrentConnects) {
        return new PahoRuntime(concurrentConnects, false);
    }

    /** The executor to give Paho, or null for Paho's own threads. */
    ScheduledExecutorService paho() {
        return paho;
    }

    /** For blocking work of our own (connect, disconnect) off Paho's callback threads. */
    void run(Runnable task) {
        control.execute(task);
    }

    void runLater(Runnable task, long delayMs) {
        scheduler.schedule(() -> control.execute(task), delayMs, TimeUnit.MILLISECONDS);
    }

    Semaphore connectSlots() {
        return connectSlots;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        control.shutdownNow();
    }
}
