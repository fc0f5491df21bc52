package org.smartcare.alert;

/** The pg_notify payload: which alert changed and how, e.g. {@code raised:42} or {@code updated:42}. */
public record AlertNotice(Change change, long alertId) {

    /** Kinds of change announced between instances. */
    public enum Change { RAISED, UPDATED }

    static AlertNotice raised(long alertId) {
        return new AlertNotice(Change.RAISED, alertId);
    }

    static AlertNotice updated(long alertId) {
        return new AlertNotice(Change.UPDATED, alertId);
    }

    String encode() {
        return change.name().toLowerCase() + ":" + alertId;
    }

    static AlertNotice decode(String payload) {
        int colon = payload.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not an alert notice: " + payload);
        }
        return new AlertNotice(Change.valueOf(payload.substring(0, colon).toUpperCase()),
                Long.parseLong(payload.substring(colon + 1)));
    }
}
