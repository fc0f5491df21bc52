package org.smartcare.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.connection.exceptions.ConnectionException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransientFailureTest {

    private final TransientFailure transientFailure = new TransientFailure();

    @Test
    void databaseOutagesAreTransient() {
        assertTrue(transientFailure.test(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertTrue(transientFailure.test(new RuntimeException(new SQLException("connection refused", "08001"))));
        assertTrue(transientFailure.test(new ConnectionException("Could not set JDBC Connection read-only")));
        assertTrue(transientFailure.test(new SQLException("could not serialize access", "40001")));
    }

    @Test
    void faultsInDataOrCodeAreNot() {
        assertFalse(transientFailure.test(new RuntimeException(new SQLException("value too long", "22001"))));
        assertFalse(transientFailure.test(new NullPointerException()));
        assertFalse(transientFailure.test(new IllegalStateException("bug")));
    }
}
