package org.smartcare.sim;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Prints one progress line a second on stderr: elapsed time, publishes per second over the last
 * second, and whatever {@code details} adds (totals, errors).
 */
final class ProgressLine implements AutoCloseable {

    private final ScheduledExecutorService timer;

    private ProgressLine(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts printing; {@code count} is the running total whose rate is shown. A no-op when {@code enabled} is false. */
    static ProgressLine start(boolean enabled, PrintWriter err, LongSupplier count, Supplier<String> details) {
        if (!enabled) {
            return new ProgressLine(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "devices-sim-progress");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        long[] last = {count.getAsLong(), start};
        timer.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            long total = count.getAsLong();
            double rate = (total - last[0]) / Math.max(1e-9, (now - last[1]) / 1e9);
            last[0] = total;
            last[1] = now;
            err.printf("[%5ds] %8.0f msg/s  %s%n", (now - start) / 1_000_000_000L, rate, details.get());
            err.flush();
        }, 1, 1, TimeUnit.SECONDS);
        return new ProgressLine(timer);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
