package org.smartcare.telemetry;

import java.sql.SQLException;

/** A failed telemetry write; the cause's SQL state tells whether a retry can help. */
public class TelemetryStoreException extends RuntimeException {

    public TelemetryStoreException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
