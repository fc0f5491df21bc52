package org.smartcare.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** An event batch's commit does not wait for the disk; the flush after it does, for it and everything before. */
@MicronautTest(environments = "test", transactional = false)
class DeferredFlushIT {

    @Inject DeferredFlush deferredFlush;

    @Value("${datasources.default.url}") String dbUrl;
    @Value("${datasources.default.username}") String dbUser;
    @Value("${datasources.default.password}") String dbPassword;

    @Test
    void onlyTheEventBatchsOwnCommitSkipsTheFlush() throws SQLException {
        try (Connection connection = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            connection.setAutoCommit(false);
            deferredFlush.commitWithoutFlush(connection);
            assertEquals("off", value(connection, "SHOW synchronous_commit"));
            connection.commit();
            assertEquals("on", value(connection, "SHOW synchronous_commit"),
                    "the pooled connection's next transaction waits for the disk again");
        }
    }

    @Test
    void aFlushReturnsOnlyOnceTheWalIsOnDiskBeyondAnEarlierUnflushedCommit() throws SQLException {
        String committedUpTo;
        try (Connection connection = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            connection.setAutoCommit(false);
            deferredFlush.commitWithoutFlush(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMPORARY TABLE deferred_flush_it (n int)");
                statement.execute("INSERT INTO deferred_flush_it VALUES (1)");
            }
            connection.commit();
            committedUpTo = value(connection, "SELECT pg_current_wal_insert_lsn()::text");
        }
        String flushedTo = deferredFlush.flushCommitted();
        try (Connection connection = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
             PreparedStatement check = connection.prepareStatement(
                     "SELECT ?::pg_lsn >= ?::pg_lsn, pg_current_wal_flush_lsn() >= ?::pg_lsn")) {
            check.setString(1, flushedTo);
            check.setString(2, committedUpTo);
            check.setString(3, committedUpTo);
            try (ResultSet r = check.executeQuery()) {
                r.next();
                assertTrue(r.getBoolean(1), "the flush reached " + flushedTo + ", before " + committedUpTo);
                assertTrue(r.getBoolean(2), "the WAL is on disk past the unflushed commit, up to " + committedUpTo);
            }
        }
    }

    private static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet r = statement.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
