package org.smartcare.alert;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims the due alert timers of one kind. A claim marks them fired in the caller's transaction and skips rows
 * another instance holds, so each timer fires exactly once across instances; a crash before the commit leaves
 * the timer due for the next sweep.
 */
@Singleton
class DueTimers {

    private static final String CLAIM_DUE = """
            UPDATE alert_timer SET fired_at = now()
            WHERE id IN (SELECT id FROM alert_timer WHERE kind = ? AND fired_at IS NULL
                           AND cancelled_at IS NULL AND due_at <= now() ORDER BY due_at LIMIT 200
                           FOR UPDATE SKIP LOCKED)
            RETURNING device_id, source_ts, source_seq""";

    private final JdbcOperations jdbc;

    DueTimers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed timer: the device and the fact that started it. */
    record Due(String deviceId, Instant since, long seq) {
    }

    List<Due> claim(String kind) {
        return jdbc.prepareStatement(CLAIM_DUE, statement -> {
            statement.setString(1, kind);
            List<Due> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Due(result.getString(1), result.getTimestamp(2).toInstant(), result.getLong(3)));
                }
            }
            return rows;
        });
    }
}
