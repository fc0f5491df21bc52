package org.smartcare.telemetry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Refuses a database without TimescaleDB, saying how to fix it. */
public final class TimescaleCheck {

    private TimescaleCheck() {
    }

    /** Ensures the extension exists in the connected database, creating it when the server has it. */
    public static String verify(Connection connection) throws SQLException {
        String installed = single(connection, "SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'");
        if (installed != null) {
            return installed;
        }
        String available = single(connection,
                "SELECT default_version FROM pg_available_extensions WHERE name = 'timescaledb'");
        String database = single(connection, "SELECT current_database()");
        if (available == null) {
            throw new MissingTimescaleException("TimescaleDB is not installed on the PostgreSQL server behind database '"
                    + database + "'. Install it and preload it (shared_preload_libraries = 'timescaledb'); "
                    + "on a development machine `deploy/services up` builds and starts one.");
        }
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
        } catch (SQLException e) {
            throw new MissingTimescaleException("TimescaleDB " + available + " is available but not created in database '"
                    + database + "', and this account may not create it (" + e.getMessage().strip() + "). "
                    + "Fix: as a superuser run `CREATE EXTENSION timescaledb;` in '" + database
                    + "', and make sure shared_preload_libraries includes 'timescaledb'.");
        }
        return single(connection, "SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** The service cannot run without TimescaleDB; the message says what to do. */
    public static final class MissingTimescaleException extends IllegalStateException {
        MissingTimescaleException(String message) {
            super(message);
        }
    }
}
