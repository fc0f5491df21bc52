package org.smartcare.childcare;

/** Why a camera view grant was refused. */
public enum GrantRefusal {
    /** No such camera in the caller's tenant (or it is revoked). */
    NOT_FOUND,
    /** The device is not a camera of a childcare institution. */
    NOT_A_NURSERY_CAMERA,
    /** The caller is not a guardian of a child enrolled now at the camera's nursery. */
    NOT_A_GUARDIAN,
    /** The nursery is closed now. */
    OUTSIDE_OPENING_HOURS
}
