package org.smartcare.alert;

import java.util.Locale;

/** The pg_notify payload: which alert changed and how, e.g. {@code raised:42} or {@code updated:42}. */
public record AlertNotice(Change change, long alertId) {

    /** Kinds of change announced between instances. */
    public enum Change {
        RAISED, UPDATED;

        String prefix() {
            return name().toLowerCase(Locale.ROOT) + ":";
        }
    }

    static AlertNotice raised(long alertId) {
        return new AlertNotice(Change.RAISED, alertId);
    }

    static AlertNotice updated(long alertId) {
        return new AlertNotice(Change.UPDATED, alertId);
    }

    String encode() {
        return change.prefix() + alertId;
    }

    /**
     * The same payload as an SQL expression, for a statement that announces its own row: a raise when the boolean
     * {@code raisedColumn} is true, else an update of the alert in {@code idColumn}.
     */
    static String sqlPayload(String raisedColumn, String idColumn) {
        return "CASE WHEN " + raisedColumn + " THEN '" + Change.RAISED.prefix() + "' ELSE '" + Change.UPDATED.prefix()
                + "' END || " + idColumn;
    }

    static AlertNotice decode(String payload) {
        int colon = payload.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not an alert notice: " + payload);
        }
        return new AlertNotice(Change.valueOf(payload.substring(0, colon).toUpperCase(Locale.ROOT)),
                Long.parseLong(payload.substring(colon + 1)));
    }
}
