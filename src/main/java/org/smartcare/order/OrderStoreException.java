package org.smartcare.order;

import java.sql.SQLException;

/** A failed order-store write or read; the cause's SQL state tells whether a retry can help. */
public class OrderStoreException extends RuntimeException {

    public OrderStoreException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
