package org.smartcare.sim;

/** What a simulated message is, for counting: the keys of the summary's {@code sent} object. */
public enum MessageKind {
    BED_TELEMETRY("bed_telemetry"),
    BUTTON_HEARTBEAT("button_heartbeat"),
    CAMERA_HEALTH("camera_health"),
    STATUS("status"),
    EVENT("events");

    private final String key;

    MessageKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
