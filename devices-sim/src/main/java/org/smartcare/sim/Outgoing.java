package org.smartcare.sim;

/**
 * One message a simulated device sends.
 *
 * @param eventType the event's type when {@code kind} is EVENT, else {@code null}
 * @param samples   samples in a bed telemetry batch, else 0
 */
public record Outgoing(String deviceId, MessageKind kind, EventType eventType, int samples, long seq, byte[] payload,
                       boolean retained) {

    public static Outgoing event(String deviceId, EventType type, long seq, byte[] payload) {
        return new Outgoing(deviceId, MessageKind.EVENT, type, 0, seq, payload, false);
    }

    public static Outgoing telemetry(String deviceId, MessageKind kind, int samples, long seq, byte[] payload) {
        return new Outgoing(deviceId, kind, null, samples, seq, payload, false);
    }

    /** Status messages are retained: the broker keeps the last one for late subscribers. */
    public static Outgoing status(String deviceId, long seq, byte[] payload) {
        return new Outgoing(deviceId, MessageKind.STATUS, null, 0, seq, payload, true);
    }

    public String topic() {
        String channel = switch (kind) {
            case EVENT -> Topics.EVENT;
            case STATUS -> Topics.STATUS;
            default -> Topics.TELEMETRY;
        };
        return Topics.of(deviceId, channel);
    }

    /** The same message with other bytes (a truncated copy for fault injection). */
    public Outgoing withPayload(byte[] other) {
        return new Outgoing(deviceId, kind, eventType, samples, seq, other, retained);
    }
}
