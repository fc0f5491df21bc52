package org.smartcare.alert;

/** Where an alert is in the operator workflow. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, DISPATCHED, ESCALATED, RESOLVED
}
