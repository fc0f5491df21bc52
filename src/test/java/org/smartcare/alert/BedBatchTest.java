package org.smartcare.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bed's readings in time order, whatever order their messages arrived in. */
class BedBatchTest {

    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    private static VitalsReading at(int second, long seq) {
        return new VitalsReading(T0.plusSeconds(second), seq, 60, 14, true);
    }

    @Test
    void orderedReadingsAreTakenAsTheyAre() {
        List<VitalsReading> readings = List.of(at(0, 1), at(1, 1), at(1, 2), at(5, 2));
        assertSame(readings, new BedBatch(null, readings).inTimeOrder());
    }

    @Test
    void messagesArrivingOutOfOrderAreSortedWithoutTouchingTheBatch() {
        List<VitalsReading> readings = List.of(at(10, 2), at(11, 2), at(0, 1), at(1, 1));
        assertEquals(List.of(at(0, 1), at(1, 1), at(10, 2), at(11, 2)), new BedBatch(null, readings).inTimeOrder());
        assertEquals(at(10, 2), readings.getFirst());
    }
}
