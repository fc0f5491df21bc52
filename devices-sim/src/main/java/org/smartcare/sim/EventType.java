package org.smartcare.sim;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The event kinds of {@code event.v1.schema.json}, with their wire names and the device class that sends them. */
public enum EventType {
    SOS_PRESS("sos_press", DeviceType.SOS_BUTTON),
    SOS_CANCEL("sos_cancel", DeviceType.SOS_BUTTON),
    FALL_DETECTED("fall_detected", DeviceType.SOS_BUTTON),
    BED_EXIT("bed_exit", DeviceType.BED_SENSOR),
    BED_RETURN("bed_return", DeviceType.BED_SENSOR),
    TURN("turn", DeviceType.BED_SENSOR),
    APNEA("apnea", DeviceType.BED_SENSOR),
    SENSOR_FAULT("sensor_fault", DeviceType.BED_SENSOR),
    RESTRICTED_ZONE_MOTION("restricted_zone_motion", DeviceType.NURSERY_CAMERA),
    TAMPER("tamper", DeviceType.NURSERY_CAMERA);

    private final String wireName;
    private final DeviceType deviceType;

    EventType(String wireName, DeviceType deviceType) {
        this.wireName = wireName;
        this.deviceType = deviceType;
    }

    public String wireName() {
        return wireName;
    }

    /** The device class that may send this event; the service refuses it from the others. */
    public DeviceType deviceType() {
        return deviceType;
    }

    /** Accepts the wire name ({@code sos_press}) or the constant name ({@code SOS_PRESS}). */
    public static EventType parse(String text) {
        for (EventType type : values()) {
            if (type.wireName.equals(text) || type.name().equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type '" + text + "', expected one of " + wireNames());
    }

    /** Like {@link #parse} but only the types of {@code deviceType}. */
    public static EventType parse(String text, DeviceType deviceType) {
        for (EventType type : values()) {
            if (type.deviceType == deviceType && (type.wireName.equals(text) || type.name().equals(text))) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown " + deviceType + " event type '" + text + "', expected one of "
                + wireNames(deviceType));
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", "));
    }

    public static String wireNames(DeviceType deviceType) {
        return Arrays.stream(values()).filter(t -> t.deviceType == deviceType).map(EventType::wireName)
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
