package org.smartcare.alert;

/** Stable ids of the alert rules; configuration and the API refer to rules by these. */
public enum RuleId {
    SOS_PRESS, FALL_DETECTED, APNEA, CAMERA_TAMPER, RESTRICTED_ZONE_MOTION, LOW_BATTERY, DEVICE_OFFLINE,
    NIGHT_BED_EXIT, HEART_RATE_HIGH, HEART_RATE_MEDIUM, RESPIRATION_HIGH, RESPIRATION_MEDIUM, NO_TURNING
}
