package org.smartcare.alert;

/** An expected refusal of a workflow step, with a stable code the API returns as data. */
public record AlertFailure(Code code, String message) {

    /** Why a step was refused. */
    public enum Code { NOT_FOUND, ALREADY_ACKNOWLEDGED, ALREADY_RESOLVED, WRONG_STATE, INVALID_INPUT }

    static AlertFailure notFound(long id) {
        return new AlertFailure(Code.NOT_FOUND, "alert " + id + " does not exist or is not visible to you");
    }

    static AlertFailure wrongState(Alert alert, AlertStatus target) {
        if (alert.status() == AlertStatus.RESOLVED) {
            return new AlertFailure(Code.ALREADY_RESOLVED, "alert " + alert.id() + " is already resolved");
        }
        if (target == AlertStatus.ACKNOWLEDGED && alert.acknowledgedAt() != null) {
            return new AlertFailure(Code.ALREADY_ACKNOWLEDGED, "alert " + alert.id() + " was already acknowledged at "
                    + alert.acknowledgedAt());
        }
        return new AlertFailure(Code.WRONG_STATE, "alert " + alert.id() + " cannot go from " + alert.status() + " to "
                + target);
    }
}
