package org.smartcare.alert;

/** How urgent an alert is, most urgent first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW
}
