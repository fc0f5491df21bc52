package org.smartcare.sim;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Threads shared by every MQTT connection of a run. Paho runs a receiver, a sender and a callback loop
 * per connection; handing it an executor whose workers are virtual threads keeps thousands of
 * connections on a handful of carrier (OS) threads. This needs JDK 24 or later, where
 * {@code synchronized} and {@code Object.wait} no longer pin a virtual thread to its carrier (JEP 491):
 * Paho's loops use both. {@link #connectSlots} bounds the connects in progress.
 */
final class PahoRuntime implements AutoCloseable {

    private final ScheduledThreadPoolExecutor paho;
    private final ExecutorService control;
    private final Semaphore connectSlots;

    PahoRuntime(int concurrentConnects) {
        // A core size that is never reached: every task gets a (virtual) worker, and none is ever queued
        // behind one of Paho's endless loops.
        this.paho = new ScheduledThreadPoolExecutor(Integer.MAX_VALUE, Thread.ofVirtual().name("paho-", 0).factory());
        this.paho.setRemoveOnCancelPolicy(true);
        this.control = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("link-", 0).factory());
        this.connectSlots = new Semaphore(concurrentConnects);
    }

    ScheduledExecutorService paho() {
        return paho;
    }

    /** For blocking work of our own (connect, disconnect) off Paho's callback threads. */
    void run(Runnable task) {
        control.execute(task);
    }

    void runLater(Runnable task, long delayMs) {
        paho.schedule(() -> control.execute(task), delayMs, TimeUnit.MILLISECONDS);
    }

    Semaphore connectSlots() {
        return connectSlots;
    }

    @Override
    public void close() {
        paho.shutdownNow();
        control.shutdownNow();
    }
}
