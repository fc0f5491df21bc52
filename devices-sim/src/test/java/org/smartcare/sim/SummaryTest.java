package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void countsByTypeAndOutcome() {
        Summary summary = new Summary();
        summary.record(EventType.SOS_PRESS, PublishResult.fromPubAck(0x00));
        summary.record(EventType.SOS_PRESS, PublishResult.fromPubAck(0x10));
        summary.record(EventType.FALL_DETECTED, PublishResult.fromPubAck(0x87));
        summary.record(EventType.SOS_CANCEL, PublishResult.failed("connect: timed out"));

        assertEquals(4, summary.sent());
        assertEquals(2, summary.sent(EventType.SOS_PRESS));
        assertEquals(2, summary.acknowledged());
        assertEquals(1, summary.refused());
        assertEquals(1, summary.failed());
        assertTrue(summary.hasFailures());
        assertEquals("summary: sent 4 (sos_press=2, sos_cancel=1, fall_detected=1), acknowledged 2, refused 1, failed 1",
                summary.render());
    }

    @Test
    void emptyRunHasNoFailures() {
        Summary summary = new Summary();

        assertFalse(summary.hasFailures());
        assertEquals("summary: sent 0, acknowledged 0, refused 0, failed 0", summary.render());
    }

    @Test
    void pubAckErrorCodesAreRefusalsNotSuccesses() {
        assertEquals(PublishResult.Outcome.ACKNOWLEDGED, PublishResult.fromPubAck(0x00).outcome());
        assertEquals(PublishResult.Outcome.ACKNOWLEDGED, PublishResult.fromPubAck(0x10).outcome());
        assertEquals(PublishResult.Outcome.REFUSED, PublishResult.fromPubAck(0x80).outcome());
        assertEquals("refused 0x87 not authorized", PublishResult.fromPubAck(0x87).describe());
        assertEquals("acknowledged (0x10 no matching subscribers)", PublishResult.fromPubAck(0x10).describe());
    }
}
