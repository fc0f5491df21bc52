package org.smartcare.order;

/** Why an order exists: a recurring or one-off plan, a family's request, or an operator's dispatch from an alert. */
public enum OrderOrigin {
    PLANNED, FAMILY_REQUEST, ALERT
}
