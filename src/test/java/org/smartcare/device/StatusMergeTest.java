package org.smartcare.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusMergeTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void theNewestByDeviceTimeDecidesWhateverTheArrivalOrder() {
        StatusChange connect = change("b", 1, T0, true, 80, null, "1.0", T0.plusSeconds(5));
        StatusChange will = change("b", 2, T0.plusSeconds(2), false, null, null, null, T0.plusSeconds(3));
        for (List<StatusChange> order : List.of(List.of(connect, will), List.of(will, connect))) {
            List<StatusChange> merged = StatusMerge.newestPerDevice(order);
            assertEquals(1, merged.size());
            StatusChange result = merged.getFirst();
            assertFalse(result.online());
            assertEquals(2, result.seq());
            assertEquals(80, result.battery(), "an older status fills in what the newest does not report");
            assertEquals("1.0", result.firmware());
            assertEquals(T0.plusSeconds(5), result.receivedAt(), "last seen is the latest receipt");
        }
    }

    @Test
    void aBatteryReadingIsTheNewestOneWhateverTheArrivalOrder() {
        StatusChange newest = change("d", 3, T0.plusSeconds(3), false, null, null, null, T0);
        StatusChange oldest = change("d", 1, T0.plusSeconds(1), true, 80, null, null, T0);
        StatusChange middle = change("d", 2, T0.plusSeconds(2), true, 75, null, null, T0);
        assertEquals(75, StatusMerge.newestPerDevice(List.of(newest, oldest, middle)).getFirst().battery());
        assertEquals(75, StatusMerge.newestPerDevice(List.of(middle, newest, oldest)).getFirst().battery());
    }

    @Test
    void equalDeviceTimesAreOrderedBySequenceNumber() {
        StatusChange first = new StatusChange("c", 7, false, "shutdown", T0, T0, 40, -70, null);
        StatusChange second = change("c", 8, T0, true, 41, null, null, T0);
        StatusChange merged = StatusMerge.newestPerDevice(List.of(second, first)).getFirst();
        assertTrue(merged.online());
        assertEquals(41, merged.battery());
        assertEquals(-70, merged.signalDbm());
    }

    @Test
    void aLastWillEndsTheConnectionWhoseTimeAndEarlierSequenceNumberItCarries() {
        StatusChange will = change("d", 7, T0, false, null, null, null, T0.plusSeconds(5));
        StatusChange connect = change("d", 8, T0, true, 55, null, "1.4.2", T0);
        for (List<StatusChange> order : List.of(List.of(connect, will), List.of(will, connect))) {
            StatusChange merged = StatusMerge.newestPerDevice(order).getFirst();
            assertFalse(merged.online());
            assertEquals("will", merged.reason());
            assertEquals(55, merged.battery());
        }
        StatusChange reconnect = change("d", 9, T0.plusSeconds(1), true, null, null, null, T0.plusSeconds(6));
        assertTrue(StatusMerge.newestPerDevice(List.of(connect, will, reconnect)).getFirst().online());
    }

    @Test
    void oneChangePerDeviceInDeviceIdOrder() {
        List<StatusChange> merged = StatusMerge.newestPerDevice(List.of(
                change("z", 1, T0, true, null, null, null, T0), change("a", 1, T0, true, null, null, null, T0),
                change("m", 1, T0, true, null, null, null, T0), change("a", 2, T0.plusSeconds(1), false, null, null,
                        null, T0)));
        assertEquals(List.of("a", "m", "z"), merged.stream().map(StatusChange::deviceId).toList());
        assertFalse(merged.getFirst().online());
    }

    private static StatusChange change(String id, long seq, Instant ts, boolean online, Integer battery, Integer signal,
                                       String firmware, Instant receivedAt) {
        return new StatusChange(id, seq, online, online ? null : "will", ts, receivedAt, battery, signal, firmware);
    }
}
