package org.smartcare.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smartcare.support.ThreadNices;

/** Reads each thread's nice value back from the kernel. */
class ThreadNicenessTest {

    @Test
    void lowersOnlyTheThreadsThatApplyIt() throws Exception {
        int before = ThreadNices.ofCurrentThread();
        ThreadNiceness niceness = new ThreadNiceness(7);
        assertEquals(Math.max(before, 7), niceIn(niceness::applyToCurrentThread));
        assertEquals(before, niceIn(() -> { }), "another thread keeps its priority");
        assertEquals(before, ThreadNices.ofCurrentThread(), "nor does the caller change");
    }

    @Test
    void zeroLeavesThePriorityAlone() throws Exception {
        assertEquals(ThreadNices.ofCurrentThread(), niceIn(new ThreadNiceness(0)::applyToCurrentThread));
    }

    @Test
    void onlyLoweringIsAllowed() {
        assertThrows(IllegalArgumentException.class, () -> new ThreadNiceness(-1));
        assertThrows(IllegalArgumentException.class, () -> new ThreadNiceness(20));
    }

    private static int niceIn(Runnable setUp) throws InterruptedException {
        AtomicInteger nice = new AtomicInteger(Integer.MIN_VALUE);
        Thread thread = Thread.ofPlatform().start(() -> {
            setUp.run();
            setUp.run();
            nice.set(ThreadNices.ofCurrentThread());
        });
        thread.join();
        return nice.get();
    }
}
