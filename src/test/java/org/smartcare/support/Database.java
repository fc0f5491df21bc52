package org.smartcare.support;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/** Direct counts in the real database, to check exactly what ingest stored. */
@Singleton
public class Database {

    private final JdbcOperations jdbc;

    Database(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public long count(String sql, Object... args) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Runs statements (e.g. a test's own trigger) in one transaction. */
    @Transactional
    public void execute(String... statements) {
        jdbc.execute(connection -> {
            try (java.sql.Statement sql = connection.createStatement()) {
                for (String statement : statements) {
                    sql.execute(statement);
                }
            }
            return null;
        });
    }

    public long alertsOf(String deviceId) {
        return count("SELECT count(*) FROM alert WHERE device_id = ?", deviceId);
    }

    public long eventsOf(String deviceId) {
        return count("SELECT count(*) FROM device_event WHERE device_id = ?", deviceId);
    }

    public long deadLetters(String topic, String reason) {
        return count("SELECT count(*) FROM dead_letter WHERE topic = ? AND reason = ?", topic, reason);
    }
}
