package org.smartcare.alert;

/** What raised an alert. */
public enum AlertKind {
    SOS, FALL
}
