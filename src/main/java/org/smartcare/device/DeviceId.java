package org.smartcare.device;

import java.util.regex.Pattern;

/** The shape of a device id: safe as an MQTT topic segment and as a broker username. */
public final class DeviceId {

    static final String RULE = "device id must be 3-63 lowercase letters, digits or '-', starting with a letter or digit";
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{2,62}");

    private DeviceId() {
    }

    public static boolean isValid(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
