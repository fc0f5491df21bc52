package org.smartcare.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a city run sent, counted as the service should store it: {@code sent} counts unique messages
 * (a duplicate copy or a malformed replacement is not a new row); the copies are under {@code faults};
 * {@code acknowledged/refused/failed} count every publish, copies included. Thread-safe.
 */
public final class RunStats {

    private final Map<MessageKind, LongAdder> sent = new EnumMap<>(MessageKind.class);
    private final Map<EventType, LongAdder> events = new EnumMap<>(EventType.class);
    private final LongAdder bedSamples = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder duplicate = new LongAdder();
    private final LongAdder outOfOrder = new LongAdder();
    private final LongAdder disconnect = new LongAdder();
    private final LongAdder published = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder connects = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public RunStats() {
        for (MessageKind kind : MessageKind.values()) {
            sent.put(kind, new LongAdder());
        }
        for (EventType type : EventType.values()) {
            events.put(type, new LongAdder());
        }
    }

    /** One copy handed to the connection. */
    public void handedOff(FaultInjector.Copy copy) {
        published.increment();
        switch (copy.role()) {
            case MALFORMED -> malformed.increment();
            case DUPLICATE -> duplicate.increment();
            case ORIGINAL -> countUnique(copy.message());
        }
    }

    private void countUnique(Outgoing message) {
        sent.get(message.kind()).increment();
        bedSamples.add(message.samples());
        if (message.eventType() != null) {
            events.get(message.eventType()).increment();
        }
    }

    public void outOfOrder() {
        outOfOrder.increment();
    }

    public void disconnect() {
        disconnect.increment();
    }

    public void connected() {
        connects.increment();
    }

    public void connectFailed(String detail) {
        connectFailures.increment();
        lastError.set("connect: " + detail);
    }

    public void completed(PublishResult result) {
        switch (result.outcome()) {
            case ACKNOWLEDGED -> acknowledged.increment();
            case REFUSED -> {
                refused.increment();
                lastError.set(result.describe());
            }
            case FAILED -> {
                failed.increment();
                lastError.set(result.describe());
            }
        }
    }

    public long published() {
        return published.sum();
    }

    public long acknowledged() {
        return acknowledged.sum();
    }

    public long refused() {
        return refused.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long sent(MessageKind kind) {
        return sent.get(kind).sum();
    }

    public long events(EventType type) {
        return events.get(type).sum();
    }

    public long bedSamples() {
        return bedSamples.sum();
    }

    public long malformed() {
        return malformed.sum();
    }

    public long duplicates() {
        return duplicate.sum();
    }

    public long outOfOrderCount() {
        return outOfOrder.sum();
    }

    public long disconnects() {
        return disconnect.sum();
    }

    public long connectFailures() {
        return connectFailures.sum();
    }

    public String lastError() {
        return lastError.get();
    }

    /** Publishes not yet answered by the broker. */
    public long pending() {
        return published() - acknowledged() - refused() - failed();
    }

    public boolean hasFailures() {
        return refused() > 0 || failed() > 0 || connectFailures() > 0;
    }

    /** The machine-readable summary (see the class comment for what each count means). */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ObjectNode s = root.putObject("sent");
        s.put("bed_telemetry", sent(MessageKind.BED_TELEMETRY));
        s.put("bed_samples", bedSamples());
        s.put("button_heartbeat", sent(MessageKind.BUTTON_HEARTBEAT));
        s.put("camera_health", sent(MessageKind.CAMERA_HEALTH));
        s.put("status", sent(MessageKind.STATUS));
        s.put("events_total", sent(MessageKind.EVENT));
        ObjectNode e = s.putObject("events");
        for (EventType type : EventType.values()) {
            e.put(type.wireName(), events(type));
        }
        ObjectNode f = root.putObject("faults");
        f.put("malformed", malformed());
        f.put("duplicate", duplicates());
        f.put("out_of_order", outOfOrderCount());
        f.put("disconnect", disconnects());
        root.put("unique", uniqueTotal());
        root.put("published", published());
        root.put("acknowledged", acknowledged());
        root.put("refused", refused());
        root.put("failed", failed());
        root.put("connects", connects.sum());
        root.put("connect_failures", connectFailures());
        return root;
    }

    public long uniqueTotal() {
        long total = 0;
        for (LongAdder a : sent.values()) {
            total += a.sum();
        }
        return total;
    }

    /** Human-readable, several lines. */
    public String render() {
        StringBuilder ev = new StringBuilder();
        for (EventType type : EventType.values()) {
            long n = events(type);
            if (n > 0) {
                ev.append(ev.isEmpty() ? "" : ", ").append(type.wireName()).append('=').append(n);
            }
        }
        return "summary: sent " + uniqueTotal() + " unique messages: bed_telemetry=" + sent(MessageKind.BED_TELEMETRY)
                + " (" + bedSamples() + " samples), button_heartbeat=" + sent(MessageKind.BUTTON_HEARTBEAT)
                + ", camera_health=" + sent(MessageKind.CAMERA_HEALTH) + ", status=" + sent(MessageKind.STATUS)
                + ", events=" + sent(MessageKind.EVENT) + (ev.isEmpty() ? "" : " (" + ev + ")") + "\n"
                + "faults: malformed=" + malformed() + ", duplicate=" + duplicates() + ", out_of_order="
                + outOfOrderCount() + ", disconnect=" + disconnects() + "\n"
                + "broker: published " + published() + ", acknowledged " + acknowledged() + ", refused " + refused()
                + ", failed " + failed() + ", connects " + connects.sum() + ", connect failures " + connectFailures()
                + (lastError() == null ? "" : "\nlast error: " + lastError());
    }
}
