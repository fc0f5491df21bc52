package org.smartcare.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusMergeTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void theNewestByDeviceTimeDecidesWhateverTheArrivalOrder() {
        StatusChange connect = change("b", 1, T0, true, "connect", 80, "1.0", T0.plusSeconds(5));
        StatusChange shutdown = change("b", 2, T0.plusSeconds(2), false, "shutdown", null, null, T0.plusSeconds(3));
        for (List<StatusChange> order : List.of(List.of(connect, shutdown), List.of(shutdown, connect))) {
            StatusMerge.Merged merged = StatusMerge.merge(order);
            assertEquals(1, merged.statuses().size());
            assertTrue(merged.wills().isEmpty());
            StatusChange result = merged.statuses().getFirst().change();
            assertFalse(result.online());
            assertEquals(2, result.seq());
            assertEquals(80, result.battery(), "an older status fills in what the newest does not report");
            assertEquals("1.0", result.firmware());
            assertEquals(T0.plusSeconds(5), result.receivedAt(), "last seen is the latest receipt");
            assertEquals(T0, merged.statuses().getFirst().connectedTs(), "the connect's time is kept");
        }
    }

    @Test
    void aBatteryReadingIsTheNewestOneWhateverTheArrivalOrder() {
        StatusChange newest = change("d", 3, T0.plusSeconds(3), false, "shutdown", null, null, T0);
        StatusChange oldest = change("d", 1, T0.plusSeconds(1), true, "connect", 80, null, T0);
        StatusChange middle = change("d", 2, T0.plusSeconds(2), true, "heartbeat", 75, null, T0);
        for (List<StatusChange> order : List.of(List.of(newest, oldest, middle), List.of(middle, newest, oldest))) {
            StatusMerge.Newest merged = StatusMerge.merge(order).statuses().getFirst();
            assertEquals(75, merged.change().battery());
            assertEquals(T0.plusSeconds(1), merged.connectedTs(), "a report within a connection opens none");
        }
    }

    @Test
    void equalDeviceTimesAreOrderedBySequenceNumber() {
        StatusChange first = new StatusChange("c", 7, false, "shutdown", T0, T0, 40, -70, null);
        StatusChange second = change("c", 8, T0, true, "connect", 41, null, T0);
        StatusChange merged = StatusMerge.merge(List.of(second, first)).statuses().getFirst().change();
        assertTrue(merged.online());
        assertEquals(41, merged.battery());
        assertEquals(-70, merged.signalDbm());
    }

    @Test
    void lastWillsAreKeptApartTheLatestPerDevice() {
        StatusChange connect = change("d", 8, T0, true, "connect", 55, "1.4.2", T0);
        StatusChange report = change("d", 9, T0.plusSeconds(30), true, "heartbeat", 50, null, T0.plusSeconds(30));
        StatusChange will = change("d", 7, T0, false, "will", 55, "1.4.2", T0.plusSeconds(40));
        StatusChange earlierWill = change("d", 3, T0.minusSeconds(60), false, "will", null, null, T0.plusSeconds(41));
        for (List<StatusChange> order : List.of(List.of(connect, report, will, earlierWill),
                List.of(earlierWill, will, report, connect))) {
            StatusMerge.Merged merged = StatusMerge.merge(order);
            StatusMerge.Newest newest = merged.statuses().getFirst();
            assertTrue(newest.change().online(), "the will is not ranked among the others by its time");
            assertEquals(9, newest.change().seq());
            assertEquals(T0, newest.connectedTs());
            assertEquals(1, merged.wills().size());
            assertEquals(7, merged.wills().getFirst().seq(), "the latest will by device time");
            assertEquals(T0.plusSeconds(41), merged.wills().getFirst().receivedAt());
        }
    }

    @Test
    void oneEntryPerDeviceInDeviceIdOrder() {
        StatusMerge.Merged merged = StatusMerge.merge(List.of(
                change("z", 1, T0, true, "connect", null, null, T0),
                change("a", 1, T0, true, "connect", null, null, T0),
                change("m", 1, T0, true, "connect", null, null, T0),
                change("a", 2, T0.plusSeconds(1), false, "shutdown", null, null, T0),
                change("q", 1, T0, false, "will", null, null, T0), change("b", 1, T0, false, "will", null, null, T0)));
        assertEquals(List.of("a", "m", "z"), merged.statuses().stream().map(n -> n.change().deviceId()).toList());
        assertFalse(merged.statuses().getFirst().change().online());
        assertEquals(List.of("b", "q"), merged.wills().stream().map(StatusChange::deviceId).toList());
        assertEquals(List.of("a", "b", "m", "q", "z"), merged.deviceIds());
        assertNull(StatusMerge.merge(List.of(change("r", 1, T0, true, "heartbeat", 9, null, T0)))
                .statuses().getFirst().connectedTs(), "a report alone says nothing of its connection's time");
    }

    private static StatusChange change(String id, long seq, Instant ts, boolean online, String reason, Integer battery,
                                       String firmware, Instant receivedAt) {
        return new StatusChange(id, seq, online, reason, ts, receivedAt, battery, null, firmware);
    }
}
