package org.smartcare.sim;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The device classes of the registry, as the third column of a devices file names them. */
public enum DeviceType {
    BED_SENSOR("bed"),
    SOS_BUTTON("button"),
    NURSERY_CAMERA("camera");

    private final String shortName;

    DeviceType(String shortName) {
        this.shortName = shortName;
    }

    /** {@code bed}, {@code button} or {@code camera}: the word used in load-test device ids and options. */
    public String shortName() {
        return shortName;
    }

    /** Accepts the registry name ({@code BED_SENSOR}, any case) or the short name ({@code bed}). */
    public static DeviceType parse(String text) {
        String t = text.strip();
        for (DeviceType type : values()) {
            if (type.name().equalsIgnoreCase(t) || type.shortName.equalsIgnoreCase(t)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown device type '" + text + "', expected one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
