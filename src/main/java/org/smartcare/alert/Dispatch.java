package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;

/**
 * How help is sent: a service order (emergency help or a visit) to an institution, optionally for a named
 * caregiver, or a call to one of the elder's emergency contacts.
 */
public sealed interface Dispatch {

    /** A service order created through the order feature. */
    record Order(OrderKind kind, @Nullable Long institutionId, @Nullable Long caregiverId) implements Dispatch {
    }

    /** A call to an emergency contact (by priority), with what was said. */
    record ContactCall(int contactPriority, String result) implements Dispatch {
    }

    /** The kinds of order an alert dispatches. */
    enum OrderKind { EMERGENCY, VISIT }
}
