package org.smartcare.order;

/** Stable ids of the abnormal-order rules (异常工单自动识别); configuration, storage and the API use these. */
public enum AnomalyKind {
    /** Check-in further than the limit (200 m) from the elder's home. */
    CHECK_IN_FAR_FROM_HOME,
    /** Time in service under a share (50%) of the type's standard duration. */
    SHORT_SERVICE,
    /** Check-in outside the scheduled window, beyond the tolerance. */
    CHECK_IN_OUTSIDE_WINDOW,
    /** No check-out within a multiple (2x) of the standard duration after check-in. */
    MISSING_CHECK_OUT,
    /** The caregiver was checked in at another elder at the same time. */
    OVERLAPPING_ORDERS,
    /** The caregiver's track implies a speed no one travels between homes. */
    IMPOSSIBLE_SPEED
}
