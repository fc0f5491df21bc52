package org.smartcare.sim;

/** Topic names of {@code schema/mqtt/README.md}: {@code smartcare/v1/devices/{deviceId}/{channel}}. */
public final class Topics {

    public static final String PREFIX = "smartcare/v1/devices/";
    public static final String EVENT = "event";
    public static final String TELEMETRY = "telemetry";
    public static final String STATUS = "status";

    private Topics() {
    }

    public static String of(String deviceId, String channel) {
        return PREFIX + deviceId + "/" + channel;
    }
}
