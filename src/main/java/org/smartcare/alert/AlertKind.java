package org.smartcare.alert;

/** What raised an alert. */
public enum AlertKind {
    SOS, FALL, NIGHT_BED_EXIT, HEART_RATE, RESPIRATION, APNEA, NO_TURNING, DEVICE_OFFLINE, LOW_BATTERY, CAMERA_TAMPER,
    RESTRICTED_ZONE_MOTION
}
