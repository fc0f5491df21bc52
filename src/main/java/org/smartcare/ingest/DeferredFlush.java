package org.smartcare.ingest;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;

/**
 * Lets a batch of device events announce its alerts before its WAL reaches the disk, and acknowledge its messages
 * only after.
 *
 * <p>A synchronous commit waits for the disk's flush of the WAL, and while one flush takes long every commit behind
 * it waits too. Under the city load this machine's disk takes 50-400 ms for a flush a few dozen times in ten minutes
 * (bench/README.md, "What holds an SOS commit"): an SOS committed then reached the operators that much later. So an
 * event batch commits without waiting ({@link #commitWithoutFlush}): its alerts reach the subscribers (here at
 * commit, on other instances by the notice sent at commit) at once. Then {@link #flushCommitted} waits for the disk,
 * and only then are the messages acknowledged. Should the database crash in between, the batch's rows may be lost
 * but its messages are not: the broker redelivers them and they raise their alerts again (subscribers may have seen
 * the lost one under another id). A transaction that acts on the alert commits synchronously, and its flush takes
 * the batch's WAL with it: once anyone has acted on an alert, it is on disk.
 */
@Singleton
class DeferredFlush {

    private static final String NO_WAIT = "SET LOCAL synchronous_commit = off";
    /**
     * Where the WAL ends now (past every earlier commit), and a transactional logical-decoding message (read by no
     * one: the server keeps no logical slots) so that the transaction writes a WAL record and thus commits
     * synchronously; one that writes none commits asynchronously whatever the setting.
     */
    private static final String RECORD = """
            SELECT pg_current_wal_insert_lsn()::text, pg_logical_emit_message(true, 'smartcare-flush', '')""";
    private static final String FLUSHED = "SELECT pg_current_wal_flush_lsn() >= ?::pg_lsn";
    private static final long POLL_MS = 2;
    private static final long GIVE_UP_MS = 10_000;

    private final TransactionOperations<Connection> transactions;

    DeferredFlush(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** In the caller's transaction: its commit returns before its WAL is on disk; the next one waits again. */
    void commitWithoutFlush(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(NO_WAIT);
        } catch (SQLException e) {
            throw new IllegalStateException("could not defer the commit's flush", e);
        }
    }

    /**
     * Returns once every transaction committed before the call is on disk, with the WAL position that is. The
     * synchronous commit of its own record flushes the WAL that far; the check after it holds the promise even if
     * that commit did not flush, waiting for the WAL writer instead.
     */
    String flushCommitted() {
        String end = transactions.executeWrite(status -> {
            try (Statement statement = status.getConnection().createStatement();
                 ResultSet position = statement.executeQuery(RECORD)) {
                position.next();
                return position.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException("could not flush the committed events", e);
            }
        });
        long deadline = System.currentTimeMillis() + GIVE_UP_MS;
        while (!flushedTo(end)) {
            if (System.currentTimeMillis() > deadline) {
                // Transient: the batch is stored again (idempotent) and flushed again, not dead-lettered.
                throw new IllegalStateException("the WAL was not on disk up to " + end + " after " + GIVE_UP_MS + " ms",
                        new SQLTransientException("WAL flush overdue"));
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the WAL flush", e);
            }
        }
        return end;
    }

    private boolean flushedTo(String position) {
        return transactions.executeRead(status -> {
            try (PreparedStatement check = status.getConnection().prepareStatement(FLUSHED)) {
                check.setString(1, position);
                try (ResultSet flushed = check.executeQuery()) {
                    flushed.next();
                    return flushed.getBoolean(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the WAL's flush position", e);
            }
        });
    }
}
