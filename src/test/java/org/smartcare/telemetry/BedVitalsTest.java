package org.smartcare.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a message's samples become bed_vitals rows. */
class BedVitalsTest {

    private static final Instant TS = Instant.parse("2026-12-06T02:00:00.250Z");

    @Test
    void aMessageOfTenSecondsIsOneRowAtItsTime() {
        List<BedVitals.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(sample(1000 * i, 60 + i));
        }
        List<BedVitals> rows = BedVitals.rowsOf("bed-1", TS, 7, samples);
        assertEquals(List.of(new BedVitals("bed-1", TS, 7, samples)), rows);
    }

    @Test
    void samplesAreKeptInTimeOrderTiesInMessageOrderAndOffsetFromTheFirst() {
        List<BedVitals> rows = BedVitals.rowsOf("bed-1", TS, 7, List.of(
                sample(3000, 63), sample(2000, 62), sample(2000, 72), sample(500, 60)));
        assertEquals(List.of(new BedVitals("bed-1", TS.plusMillis(500), 7, List.of(
                sample(0, 60), sample(1500, 62), sample(1500, 72), sample(2500, 63)))), rows);
    }

    @Test
    void aMessageSpanningMinutesIsSplitByWholeMinutesAfterItsFirstSample() {
        List<BedVitals.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 120; i++) { // every 5 s for 10 minutes
            samples.add(sample(5000 * i, 60));
        }
        samples.add(sample(600_000, 99)); // the last allowed offset
        List<BedVitals> rows = BedVitals.rowsOf("bed-1", TS, 7, samples);

        assertEquals(11, rows.size());
        for (int minute = 0; minute < 10; minute++) {
            BedVitals row = rows.get(minute);
            assertEquals(TS.plusMillis(60_000L * minute), row.ts(), "row " + minute);
            assertEquals(12, row.samples().size());
            assertEquals(0, row.samples().getFirst().offsetMs());
            assertEquals(55_000, row.samples().getLast().offsetMs());
        }
        assertEquals(new BedVitals("bed-1", TS.plusMillis(600_000), 7, List.of(sample(0, 99))), rows.get(10));
        for (BedVitals row : rows) {
            assertTrue(row.samples().getLast().offsetMs() < BedVitals.ROW_SPAN.toMillis(), row.toString());
        }
        assertEquals(rows, BedVitals.rowsOf("bed-1", TS, 7, samples), "a redelivery makes the same rows");
    }

    @Test
    void aRowStartsAtItsOwnFirstSampleNotAtTheMinuteBoundary() {
        List<BedVitals> rows = BedVitals.rowsOf("bed-1", TS, 7, List.of(
                sample(0, 60), sample(59_999, 61), sample(60_000 + 30_000, 62), sample(150_000, 63)));
        assertEquals(List.of(
                new BedVitals("bed-1", TS, 7, List.of(sample(0, 60), sample(59_999, 61))),
                new BedVitals("bed-1", TS.plusMillis(90_000), 7, List.of(sample(0, 62))),
                new BedVitals("bed-1", TS.plusMillis(150_000), 7, List.of(sample(0, 63)))), rows);
    }

    private static BedVitals.Sample sample(int offsetMs, int heartRate) {
        return new BedVitals.Sample(offsetMs, heartRate, 14, true, 2);
    }
}
