package org.smartcare.device;

/** The shape of a device id: safe as an MQTT topic segment and as a broker username. */
public final class DeviceId {

    static final String RULE = "device id must be 3-63 lowercase letters, digits or '-', starting with a letter or digit";

    private DeviceId() {
    }

    /** {@code [a-z0-9][a-z0-9-]{2,62}}, checked by hand: ingest checks every message's id. */
    public static boolean isValid(String id) {
        if (id == null || id.length() < 3 || id.length() > 63 || id.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
