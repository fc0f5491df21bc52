package org.smartcare.order;

/**
 * An expected refusal of an order command, with a stable code that the API maps to a payload error.
 * Thrown inside the command's transaction, so nothing of the refused command is kept.
 */
public class OrderFailure extends RuntimeException {

    /** Stable failure codes; the API refers to them. */
    public enum Code {
        /** No such order, follow-up, elder, institution or caregiver, or not in the caller's tenant. */
        NOT_FOUND,
        /** The order's state does not allow the requested move. */
        ILLEGAL_TRANSITION,
        /** An input value is out of range or inconsistent. */
        INVALID_INPUT,
        /** The idempotency key was already used for a different order. */
        IDEMPOTENCY_CONFLICT,
        /** The caregiver may not serve this order (other institution, inactive, no valid certificate). */
        CAREGIVER_NOT_ELIGIBLE,
        /** The follow-up is already closed. */
        FOLLOW_UP_CLOSED
    }

    private final Code code;

    public OrderFailure(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    static OrderFailure illegalTransition(Long orderId, OrderState from, OrderState to) {
        return new OrderFailure(Code.ILLEGAL_TRANSITION,
                "order " + orderId + " cannot go from " + from + " to " + to);
    }

    static OrderFailure notFound(String what, Object id) {
        return new OrderFailure(Code.NOT_FOUND, what + " " + id + " not found");
    }

    static OrderFailure invalid(String message) {
        return new OrderFailure(Code.INVALID_INPUT, message);
    }
}
