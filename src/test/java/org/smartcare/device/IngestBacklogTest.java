package org.smartcare.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestBacklogTest {

    private static final long S = 1_000_000_000L;

    @Test
    void noWaitNoGrace() {
        IngestBacklog backlog = new IngestBacklog();
        assertEquals(0, backlog.grace(100 * S));
        backlog.committed(Duration.ofMillis(-5), 100 * S);
        assertEquals(0, backlog.grace(100 * S), "a negative wait (clock step) counts as none");
    }

    @Test
    void theLongestRecentWaitCountsAndAgesAway() {
        IngestBacklog backlog = new IngestBacklog();
        backlog.committed(Duration.ofSeconds(40), 100 * S);
        backlog.committed(Duration.ofSeconds(5), 101 * S);
        assertEquals(39 * S, backlog.grace(101 * S), "a shorter wait of the other worker does not hide the longer one");
        assertEquals(10 * S, backlog.grace(130 * S), "once nothing waits, the grace shrinks with the clock");
        assertEquals(0, backlog.grace(200 * S));
        backlog.committed(Duration.ofSeconds(3), 200 * S);
        assertEquals(3 * S, backlog.grace(200 * S));
    }
}
