package org.smartcare.alert;

/** Stable ids of the alert rules; configuration and the API refer to rules by these. */
public enum RuleId {
    SOS_PRESS, FALL_DETECTED
}
