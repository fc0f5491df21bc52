package org.smartcare.device;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event catalogue: each event's name on the wire and the device class that may send it. */
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

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final DeviceType sentBy;

    EventType(String wireName, DeviceType sentBy) {
        this.wireName = wireName;
        this.sentBy = sentBy;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isSentBy(DeviceType type) {
        return sentBy == type;
    }

    public DeviceType sentBy() {
        return sentBy;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
