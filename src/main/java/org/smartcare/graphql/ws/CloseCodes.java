package org.smartcare.graphql.ws;

import io.micronaut.websocket.CloseReason;

/** The close codes graphql-transport-ws defines. */
final class CloseCodes {

    static final CloseReason INVALID_MESSAGE = new CloseReason(4400, "Invalid message");
    static final CloseReason UNAUTHORIZED = new CloseReason(4401, "Unauthorized");
    static final CloseReason FORBIDDEN = new CloseReason(4403, "Forbidden");
    static final CloseReason INIT_TIMEOUT = new CloseReason(4408, "Connection initialisation timeout");
    static final CloseReason TOO_MANY_INITS = new CloseReason(4429, "Too many initialisation requests");

    private CloseCodes() {
    }

    static CloseReason duplicateOperation(String id) {
        return new CloseReason(4409, "Subscriber for " + id + " already exists");
    }
}
