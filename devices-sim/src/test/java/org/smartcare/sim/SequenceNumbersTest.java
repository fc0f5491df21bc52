package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00.123456789Z");

    @Test
    void startsAtEpochMicrosAndCountsUpPerDevice() {
        SequenceNumbers seqs = new SequenceNumbers(Clock.fixed(T0, ZoneOffset.UTC));
        long base = 1_748_736_000_123_456L;

        assertEquals(base, seqs.next("btn-1"));
        assertEquals(base + 1, seqs.next("btn-1"));
        assertEquals(base, seqs.next("btn-2"));
        assertEquals(base + 2, seqs.next("btn-1"));
    }

    @Test
    void aLaterRunStartsAboveEverythingAFastEarlierRunSent() {
        SequenceNumbers first = new SequenceNumbers(Clock.fixed(T0, ZoneOffset.UTC));
        long last = 0;
        for (int i = 0; i < 10_000; i++) {
            last = first.next("btn-1");
        }
        // Ten thousand presses in a run that ended, and the next run starting, 1 s later.
        SequenceNumbers second = new SequenceNumbers(Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC));

        assertTrue(second.next("btn-1") > last);
    }
}
