package org.smartcare.order;

/**
 * Where an order is: CREATED -> ASSIGNED -> EN_ROUTE -> IN_SERVICE (checked in) -> COMPLETED (checked out)
 * -> RATED, or CANCELLED before the caregiver has checked in.
 */
public enum OrderState {
    CREATED, ASSIGNED, EN_ROUTE, IN_SERVICE, COMPLETED, RATED, CANCELLED;

    /** Whether an order in this state may move to {@code next}. ASSIGNED -> ASSIGNED is a reassignment. */
    public boolean canMoveTo(OrderState next) {
        return switch (this) {
            case CREATED -> next == ASSIGNED || next == CANCELLED;
            case ASSIGNED -> next == ASSIGNED || next == EN_ROUTE || next == CANCELLED;
            case EN_ROUTE -> next == IN_SERVICE || next == CANCELLED;
            case IN_SERVICE -> next == COMPLETED;
            case COMPLETED -> next == RATED;
            case RATED, CANCELLED -> false;
        };
    }

    public boolean isFinal() {
        return this == RATED || this == CANCELLED;
    }
}
