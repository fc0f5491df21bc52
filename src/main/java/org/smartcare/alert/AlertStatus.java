package org.smartcare.alert;

import java.util.EnumSet;
import java.util.Set;

/** Where an alert is in the operator workflow, and where it may go from there. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, DISPATCHED, ESCALATED, RESOLVED;

    /** The moves an operator may make; the system may also resolve an unacknowledged alert (a user's cancel). */
    public Set<AlertStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(ACKNOWLEDGED, ESCALATED);
            case ESCALATED -> EnumSet.of(ACKNOWLEDGED);
            case ACKNOWLEDGED -> EnumSet.of(DISPATCHED, RESOLVED);
            case DISPATCHED -> EnumSet.of(RESOLVED);
            case RESOLVED -> EnumSet.noneOf(AlertStatus.class);
        };
    }

    public boolean canMoveTo(AlertStatus target) {
        return next().contains(target);
    }
}
