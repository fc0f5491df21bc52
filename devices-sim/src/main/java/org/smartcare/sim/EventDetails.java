package org.smartcare.sim;

/**
 * The optional fields of an event beyond its type: GPS position (buttons), apnea duration, sensor
 * fault code, restricted zone, tamper kind. All {@code null} when absent.
 */
public record EventDetails(Location location, Double durationS, String code, String zone, String tamperKind) {

    private static final EventDetails NONE = new EventDetails(null, null, null, null, null);

    public static EventDetails none() {
        return NONE;
    }

    /** A position, or none when {@code location} is {@code null}. */
    public static EventDetails at(Location location) {
        return new EventDetails(location, null, null, null, null);
    }

    public static EventDetails apnea(double durationS) {
        return new EventDetails(null, durationS, null, null, null);
    }

    public static EventDetails fault(String code) {
        return new EventDetails(null, null, code, null, null);
    }

    public static EventDetails zone(String zone) {
        return new EventDetails(null, null, null, zone, null);
    }

    /** @param tamperKind occlusion, moved or defocus */
    public static EventDetails tamper(String tamperKind) {
        return new EventDetails(null, null, null, null, tamperKind);
    }
}
