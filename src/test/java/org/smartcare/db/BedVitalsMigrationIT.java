package org.smartcare.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.smartcare.support.DeployServices;
import org.smartcare.telemetry.BedVitals;

/**
 * V20 moves the bed samples a database already holds (one row per sample) into one row per message, split the way
 * the service splits a message, so nothing is lost and a message redelivered after the upgrade finds its rows.
 * Runs on a database of its own, migrated to V19 first.
 */
@MicronautTest(environments = "test", transactional = false)
class BedVitalsMigrationIT {

    private static final String DATABASE = "smartcare_migration_it";
    private static final Instant T = Instant.parse("2026-12-06T01:00:00.000250Z");
    private static final Comparator<BedVitals> BY_KEY = Comparator.comparing(BedVitals::deviceId)
            .thenComparing(BedVitals::ts).thenComparingLong(BedVitals::seq);

    @Value("${datasources.default.url}") String dbUrl;
    @Value("${datasources.default.username}") String dbUser;
    @Value("${datasources.default.password}") String dbPassword;

    @Test
    void storedSamplesBecomeTheRowsTheServiceWouldWrite() throws Exception {
        DeployServices.run("fresh-db", DATABASE);
        String url = dbUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + DATABASE + "$1");
        migrate(url, "19");

        Map<String, List<BedVitals.Sample>> messages = Map.of(
                "ten-seconds", every(1000, 10, 0),
                "unordered", List.of(sample(3000, 63, null), sample(1000, 61, 12), sample(1000, 71, 13),
                        sample(250, 60, null)),
                "ten-minutes", every(5000, 121, 0));
        List<BedVitals> expected = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, dbUser, dbPassword)) {
            long seq = 1;
            for (var message : messages.entrySet()) {
                Instant ts = T.plusSeconds(3600 * seq);
                insertPerSample(connection, message.getKey(), ts, seq, message.getValue());
                expected.addAll(BedVitals.rowsOf(message.getKey(), ts, seq, message.getValue()));
                seq++;
            }
        }
        migrate(url, "latest");

        try (Connection connection = DriverManager.getConnection(url, dbUser, dbPassword)) {
            assertEquals(expected.stream().sorted(BY_KEY).toList(),
                    stored(connection).stream().sorted(BY_KEY).toList());
            assertEquals(10 + 4 + 121, count(connection, "SELECT count(*) FROM bed_vitals_samples"));
            assertFalse(exists(connection, "bed_vitals_by_sample"), "the per-sample table is dropped");
        }
    }

    private void migrate(String url, String target) {
        Flyway.configure().dataSource(url, dbUser, dbPassword).locations("classpath:db/migration").target(target)
                .load().migrate();
    }

    /** The V2 shape: one row per sample, sample = its place in the message. */
    private static void insertPerSample(Connection connection, String device, Instant ts, long seq,
                                        List<BedVitals.Sample> samples) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO bed_vitals (ts, device_id, seq, sample, heart_rate, respiration_rate, in_bed, movement)
                VALUES (?::timestamptz, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < samples.size(); i++) {
                BedVitals.Sample s = samples.get(i);
                insert.setString(1, ts.plusMillis(s.offsetMs()).toString());
                insert.setString(2, device);
                insert.setLong(3, seq);
                insert.setInt(4, i);
                insert.setObject(5, s.heartRate(), Types.SMALLINT);
                insert.setObject(6, s.respirationRate(), Types.SMALLINT);
                insert.setBoolean(7, s.inBed());
                insert.setObject(8, s.movement(), Types.SMALLINT);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<BedVitals> stored(Connection connection) throws SQLException {
        List<BedVitals> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT device_id, ts, seq, offset_ms, heart_rate, respiration_rate, in_bed, movement FROM bed_vitals");
             ResultSet r = select.executeQuery()) {
            while (r.next()) {
                Object[] offsets = values(r.getArray(4));
                Object[] heart = values(r.getArray(5));
                Object[] breath = values(r.getArray(6));
                Object[] inBed = values(r.getArray(7));
                Object[] movement = values(r.getArray(8));
                List<BedVitals.Sample> samples = new ArrayList<>();
                for (int i = 0; i < offsets.length; i++) {
                    samples.add(new BedVitals.Sample((Integer) offsets[i], integer(heart[i]), integer(breath[i]),
                            (Boolean) inBed[i], integer(movement[i])));
                }
                rows.add(new BedVitals(r.getString(1), r.getObject(2, OffsetDateTime.class).toInstant(),
                        r.getLong(3), samples));
            }
        }
        return rows;
    }

    private static Object[] values(Array array) throws SQLException {
        return (Object[]) array.getArray();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static List<BedVitals.Sample> every(int stepMs, int count, int firstMs) {
        List<BedVitals.Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(sample(firstMs + stepMs * i, 50 + i % 40, i % 3 == 0 ? null : 14));
        }
        return samples;
    }

    private static BedVitals.Sample sample(int offsetMs, int heartRate, Integer respiration) {
        return new BedVitals.Sample(offsetMs, heartRate, respiration, offsetMs % 2000 == 0, null);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet r = select.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        return count(connection, "SELECT count(*) FROM pg_class WHERE relname = '" + table + "'") > 0;
    }
}
