package org.smartcare.ingest.mqtt;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the threads of bulk work a lower CPU priority, so that on a busy machine an SOS is not queued behind bed
 * telemetry. Java ignores thread priorities on Linux, where each thread has a nice value of its own: this sets it
 * through libc's {@code setpriority} for the calling thread's id. Raising the nice value needs no privilege.
 * Where libc lacks {@code gettid} (or on another OS) it logs once and does nothing. Threads that such a thread
 * starts inherit its value: Paho's own timers and reconnect threads of the lane do, which is as meant; the ingest
 * path starts no thread that other work shares (no common pool, no parallel streams).
 */
final class ThreadNiceness {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadNiceness.class);
    private static final int PRIO_PROCESS = 0;
    private static final Optional<Calls> CALLS = Calls.find();

    private final int nice;
    private final ThreadLocal<Boolean> applied = ThreadLocal.withInitial(() -> false);

    /** @param nice 1-19 lowers the priority of the threads that call {@link #applyToCurrentThread()}; 0 leaves it */
    ThreadNiceness(int nice) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("nice must be 0-19 (raising priority needs privileges): " + nice);
        }
        this.nice = nice;
    }

    int nice() {
        return nice;
    }

    /** Sets the calling thread's nice value once; later calls from the same thread cost a thread-local read. */
    void applyToCurrentThread() {
        if (nice == 0 || applied.get()) {
            return;
        }
        applied.set(true);
        CALLS.ifPresent(calls -> calls.setNice(nice));
    }

    private record Calls(MethodHandle gettid, MethodHandle setpriority) {

        static Optional<Calls> find() {
            try {
                Linker linker = Linker.nativeLinker();
                var libc = linker.defaultLookup();
                var gettid = libc.find("gettid");
                var setpriority = libc.find("setpriority");
                if (gettid.isEmpty() || setpriority.isEmpty()) {
                    LOG.info("thread priorities stay as they are: libc has no gettid/setpriority here");
                    return Optional.empty();
                }
                return Optional.of(new Calls(
                        linker.downcallHandle(gettid.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT)),
                        linker.downcallHandle(setpriority.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT))));
            } catch (RuntimeException | LinkageError e) {
                LOG.info("thread priorities stay as they are: {}", e.toString());
                return Optional.empty();
            }
        }

        void setNice(int nice) {
            try {
                int tid = (int) gettid.invokeExact();
                int result = (int) setpriority.invokeExact(PRIO_PROCESS, tid, nice);
                if (result != 0) {
                    LOG.warn("could not lower the priority of thread {}", Thread.currentThread().getName());
                }
            } catch (Throwable e) {
                LOG.warn("could not lower the priority of thread {}: {}", Thread.currentThread().getName(),
                        e.toString());
            }
        }
    }
}
