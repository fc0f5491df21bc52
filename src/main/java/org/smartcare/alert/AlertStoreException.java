package org.smartcare.alert;

import java.sql.SQLException;

/** A failed alert write; the cause's SQL state tells whether a retry can help. */
public class AlertStoreException extends RuntimeException {

    public AlertStoreException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
