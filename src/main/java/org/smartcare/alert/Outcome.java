package org.smartcare.alert;

/** How an alert was closed. */
public enum Outcome {
    HANDLED_EMERGENCY, FALSE_ALARM, DEVICE_FAULT, CANCELLED_BY_USER, NO_ACTION_NEEDED
}
