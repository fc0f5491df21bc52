package org.smartcare.sim;

import java.util.EnumMap;
import java.util.Map;

/** Counts of one run: messages sent by event type, and what the broker made of them. Thread-safe. */
public final class Summary {

    private final Map<EventType, Long> sentByType = new EnumMap<>(EventType.class);
    private long acknowledged;
    private long refused;
    private long failed;

    public synchronized void record(EventType type, PublishResult result) {
        sentByType.merge(type, 1L, Long::sum);
        switch (result.outcome()) {
            case ACKNOWLEDGED -> acknowledged++;
            case REFUSED -> refused++;
            case FAILED -> failed++;
        }
    }

    public synchronized long sent() {
        return sentByType.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized long sent(EventType type) {
        return sentByType.getOrDefault(type, 0L);
    }

    public synchronized long acknowledged() {
        return acknowledged;
    }

    public synchronized long refused() {
        return refused;
    }

    public synchronized long failed() {
        return failed;
    }

    /** True when any message was refused by the broker or failed to reach it. */
    public synchronized boolean hasFailures() {
        return refused > 0 || failed > 0;
    }

    /** One line, e.g. {@code summary: sent 3 (sos_press=2, fall_detected=1), acknowledged 3, refused 0, failed 0}. */
    public synchronized String render() {
        StringBuilder byType = new StringBuilder();
        for (Map.Entry<EventType, Long> e : sentByType.entrySet()) {
            byType.append(byType.isEmpty() ? "" : ", ").append(e.getKey().wireName()).append('=').append(e.getValue());
        }
        return "summary: sent " + sent() + (byType.isEmpty() ? "" : " (" + byType + ")")
                + ", acknowledged " + acknowledged + ", refused " + refused + ", failed " + failed;
    }
}
