package org.smartcare.alert;

/** An alert as committed, and whether it was just raised or changed. */
public record AlertChange(AlertNotice.Change change, Alert alert) {
}
