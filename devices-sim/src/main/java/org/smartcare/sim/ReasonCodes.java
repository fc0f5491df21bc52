package org.smartcare.sim;

import java.util.Map;

/** Names of the MQTT 5 reason codes a publisher meets in CONNACK and PUBACK. */
public final class ReasonCodes {

    public static final int SUCCESS = 0x00;
    public static final int NO_MATCHING_SUBSCRIBERS = 0x10;
    public static final int NOT_AUTHORIZED = 0x87;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x00, "success"),
            Map.entry(0x10, "no matching subscribers"),
            Map.entry(0x80, "unspecified error"),
            Map.entry(0x83, "implementation specific error"),
            Map.entry(0x84, "unsupported protocol version"),
            Map.entry(0x85, "client identifier not valid"),
            Map.entry(0x86, "bad user name or password"),
            Map.entry(0x87, "not authorized"),
            Map.entry(0x88, "server unavailable"),
            Map.entry(0x89, "server busy"),
            Map.entry(0x8A, "banned"),
            Map.entry(0x8C, "bad authentication method"),
            Map.entry(0x90, "topic name invalid"),
            Map.entry(0x91, "packet identifier in use"),
            Map.entry(0x95, "packet too large"),
            Map.entry(0x97, "quota exceeded"),
            Map.entry(0x99, "payload format invalid"),
            Map.entry(0x9A, "retain not supported"),
            Map.entry(0x9B, "QoS not supported"),
            Map.entry(0x9C, "use another server"),
            Map.entry(0x9D, "server moved"),
            Map.entry(0x9F, "connection rate exceeded"));

    private ReasonCodes() {
    }

    /** {@code 0x87 not authorized}; unknown codes print as hex only. */
    public static String describe(int code) {
        String hex = String.format("0x%02X", code);
        String name = NAMES.get(code);
        return name == null ? hex : hex + " " + name;
    }
}
