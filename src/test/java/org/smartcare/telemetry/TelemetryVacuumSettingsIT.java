package org.smartcare.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every chunk of the steadily written hypertables, including one created now, is vacuumed in fixed steps (V18)
 * rather than after a fifth of its growing size.
 */
@MicronautTest(environments = "test", transactional = false)
class TelemetryVacuumSettingsIT {

    private static final List<String> EXPECTED = List.of("autovacuum_vacuum_insert_scale_factor=0",
            "autovacuum_vacuum_insert_threshold=100000");

    /** One row per table, far in the past, so it makes a chunk of its own. */
    private static final Map<String, String> ROWS = Map.of(
            "bed_vitals", "VALUES ('1999-03-01', 'vacuum-it', 1, '{0}', '{60}', '{12}', '{t}', '{1}')",
            "button_heartbeat", "(ts, device_id, seq, battery) VALUES ('1999-03-01', 'vacuum-it', 1, 80)",
            "camera_health", "(ts, device_id, seq, fps, bitrate_kbps) VALUES ('1999-03-01', 'vacuum-it', 1, 25, 2000)",
            "device_status", "(ts, device_id, seq, online, received_at) VALUES ('1999-03-01', 'vacuum-it', 1, true, now())",
            "caregiver_location", "(ts, caregiver_id, seq, latitude, longitude) VALUES ('1999-03-01', 1, 1, 30, 120)");

    @Value("${datasources.default.url}") String dbUrl;
    @Value("${datasources.default.username}") String dbUser;
    @Value("${datasources.default.password}") String dbPassword;

    @ParameterizedTest
    @ValueSource(strings = {"bed_vitals", "button_heartbeat", "camera_health", "device_status", "caregiver_location"})
    void aNewChunkIsVacuumedInFixedSteps(String table) throws Exception {
        try (Connection connection = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                try (ResultSet hypertable = sql.executeQuery(
                        "SELECT reloptions FROM pg_class WHERE oid = '" + table + "'::regclass")) {
                    hypertable.next();
                    assertEquals(EXPECTED, options(hypertable), table + ": the hypertable");
                }
                sql.execute("INSERT INTO " + table + " " + ROWS.get(table));
                try (ResultSet chunk = sql.executeQuery("SELECT c.reloptions FROM " + table + " t JOIN pg_class c"
                        + " ON c.oid = t.tableoid WHERE t.ts = '1999-03-01'")) {
                    chunk.next();
                    assertEquals(EXPECTED, options(chunk), table + ": its new chunk");
                }
            } finally {
                connection.rollback(); // the row and its chunk go again
            }
        }
    }

    private static List<String> options(ResultSet row) throws SQLException {
        Array array = row.getArray(1);
        return array == null ? List.of() : List.copyOf(new TreeSet<>(Arrays.asList((String[]) array.getArray())));
    }
}
