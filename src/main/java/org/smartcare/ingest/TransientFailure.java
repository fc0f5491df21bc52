package org.smartcare.ingest;

import io.micronaut.retry.annotation.RetryPredicate;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Failures that a later attempt can get past: the database unreachable, restarting, out of connections,
 * or a serialization conflict. Anything else is a fault in the message or the code and is not retried.
 */
public class TransientFailure implements RetryPredicate {

    @Override
    public boolean test(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof io.micronaut.data.connection.exceptions.ConnectionException
                    || t instanceof io.micronaut.transaction.exceptions.CannotCreateTransactionException) {
                return true; // thrown when a pooled connection died under us; they carry no SQL state
            }
            if (t.getClass().getSimpleName().equals("CannotGetJdbcConnectionException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01"));
    }
}
