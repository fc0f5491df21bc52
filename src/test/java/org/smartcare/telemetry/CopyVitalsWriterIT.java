package org.smartcare.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.support.Database;

/** Binary COPY of bed vitals rows into the real hypertable: exact values, and redelivery stays idempotent. */
@MicronautTest(environments = "test", transactional = false)
class CopyVitalsWriterIT {

    @Inject CopyVitalsWriter copy;
    @Inject TelemetryWriter writer;
    @Inject TransactionOperations<Connection> transactions;
    @Inject Database database;

    @Test
    void copiesEveryValueExactly() {
        String device = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        Instant ts = Instant.parse("2026-12-03T07:15:30.123456Z");
        List<BedVitals> rows = List.of(
                new BedVitals(device, ts, 42, List.of(
                        new BedVitals.Sample(0, 61, 14, true, 3),
                        new BedVitals.Sample(1000, null, null, false, null),
                        new BedVitals.Sample(59_999, 250, 80, true, 100))),
                new BedVitals(device, Instant.parse("1999-12-31T23:59:59.999999Z"), 9_000_000_000L, List.of(
                        new BedVitals.Sample(0, 0, 0, false, 0))));
        boolean copied = inTransaction(connection -> copy.tryCopy(connection, rows));
        assertTrue(copied);

        List<String> stored = inTransaction(connection -> rows(connection, device));
        assertEquals(List.of(
                "1999-12-31T23:59:59.999999Z 9000000000 {0} {0} {0} {f} {0}",
                "2026-12-03T07:15:30.123456Z 42 {0,1000,59999} {61,NULL,250} {14,NULL,80} {t,f,t} {3,NULL,100}"),
                stored);
        assertEquals(List.of(
                "2026-12-03T07:15:30.123456Z 42 1 61 14 true 3",
                "2026-12-03T07:15:31.123456Z 42 2 null null false null",
                "2026-12-03T07:16:30.122456Z 42 3 250 80 true 100"),
                inTransaction(connection -> samples(connection, device, "2026-12-03T07:00:00Z")),
                "the samples one by one through bed_vitals_samples");
    }

    @Test
    void theTableRefusesARowSpanningAMinuteOrArraysOfUnequalLength() {
        String device = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        Instant ts = Instant.parse("2026-12-03T07:20:00Z");
        for (List<BedVitals.Sample> samples : List.of(
                List.of(new BedVitals.Sample(0, 60, 12, true, 1), new BedVitals.Sample(60_000, 60, 12, true, 1)),
                List.of(new BedVitals.Sample(5, 60, 12, true, 1)))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> inTransaction(
                    connection -> copy.tryCopy(connection, List.of(new BedVitals(device, ts, 1, samples)))));
            assertTrue(refused.getMessage().contains("bed_vitals_samples_within_a_minute"), refused.getMessage());
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> inTransaction(connection -> {
            try (var insert = connection.createStatement()) {
                return insert.executeUpdate("INSERT INTO bed_vitals VALUES ('" + ts + "', '" + device
                        + "', 1, '{0,1000}', '{60}', '{12,12}', '{t,t}', '{1,1}')");
            }
        }));
        assertTrue(refused.getMessage().contains("bed_vitals_samples_within_a_minute"), refused.getMessage());
    }

    @Test
    void aRedeliveredBatchFallsBackToTheIdempotentInsertAndStoresOnlyWhatIsNew() {
        String device = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        Instant ts = Instant.parse("2026-12-03T07:00:00Z");
        List<BedVitals> first = List.of(message(device, ts, 1, 10));
        boolean firstCopied = inTransaction(connection -> copy.tryCopy(connection, first));
        assertTrue(firstCopied);

        List<BedVitals> again = List.of(message(device, ts, 1, 10), message(device, ts.plusSeconds(10), 2, 10));
        boolean copied = inTransaction(connection -> {
            boolean result = copy.tryCopy(connection, again);
            // the transaction is still usable after the refused COPY, and holds nothing of it
            assertEquals(1, rows(connection, device).size());
            return result;
        });
        assertFalse(copied, "a row stored before makes the COPY give way");

        TelemetryBatch batch = new TelemetryBatch();
        again.forEach(batch::add);
        transactions.executeWrite(status -> writer.write(batch));
        transactions.executeWrite(status -> writer.write(batch));
        assertEquals(2, database.count("SELECT count(*) FROM bed_vitals WHERE device_id = ?", device));
        assertEquals(20, database.count(
                "SELECT count(DISTINCT (seq, ts)) FROM bed_vitals_samples WHERE device_id = ?", device));
        assertEquals(List.of(
                "2026-12-03T07:00:00.000000Z 1 {0,1000,2000,3000,4000,5000,6000,7000,8000,9000} "
                        + "{60,61,62,63,64,65,66,67,68,69} {12,NULL,12,NULL,12,NULL,12,NULL,12,NULL} "
                        + "{t,t,t,t,t,t,t,t,t,t} {0,1,2,3,4,5,6,7,8,9}",
                "2026-12-03T07:00:10.000000Z 2 {0,1000,2000,3000,4000,5000,6000,7000,8000,9000} "
                        + "{60,61,62,63,64,65,66,67,68,69} {12,NULL,12,NULL,12,NULL,12,NULL,12,NULL} "
                        + "{t,t,t,t,t,t,t,t,t,t} {0,1,2,3,4,5,6,7,8,9}"),
                inTransaction(connection -> rows(connection, device)), "the insert stores the values the COPY does");
    }

    @Test
    void aBatchLargerThanOneChunkOfManyDevicesArrivesWhole() {
        String prefix = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        List<BedVitals> rows = new ArrayList<>();
        Instant ts = Instant.parse("2026-12-03T05:00:00Z");
        // 3,000 messages of 10 samples (about 600 KB encoded, several chunks), three devices in turn.
        for (int message = 0; message < 3000; message++) {
            rows.add(message(prefix + "-" + message % 3, ts.plusSeconds(10L * message), message, 10));
        }
        boolean copied = inTransaction(connection -> copy.tryCopy(connection, rows));
        assertTrue(copied);
        for (int device = 0; device < 3; device++) {
            assertEquals(10_000, database.count(
                    "SELECT count(DISTINCT (seq, ts)) FROM bed_vitals_samples WHERE device_id = ?",
                    prefix + "-" + device));
            assertEquals(1000, database.count(
                    "SELECT count(*) FROM bed_vitals_samples WHERE device_id = ? AND seq % 3 = ? AND sample_no = 10",
                    prefix + "-" + device, device), "each device holds its own messages");
        }
    }

    @Test
    void duplicatesWithinOneBatchAreStoredOnce() {
        String device = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        TelemetryBatch batch = new TelemetryBatch();
        batch.add(message(device, Instant.parse("2026-12-03T06:00:00Z"), 7, 5));
        batch.add(message(device, Instant.parse("2026-12-03T06:00:00Z"), 7, 5));
        transactions.executeWrite(status -> writer.write(batch));
        assertEquals(5, database.count("SELECT count(*) FROM bed_vitals_samples WHERE device_id = ?", device));
    }

    /** A message of {@code count} samples a second apart; respiration not measured in every other one. */
    private static BedVitals message(String device, Instant ts, long seq, int count) {
        List<BedVitals.Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new BedVitals.Sample(1000 * i, 60 + i, i % 2 == 0 ? 12 : null, true, i));
        }
        return new BedVitals(device, ts, seq, samples);
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @Test
    void oneBedOverATimeRangeIsReadThroughTheIdentityIndexTheOnlyIndexEachRowIsWrittenInto() {
        String device = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        Instant ts = Instant.parse("2026-12-03T08:00:00Z");
        boolean copied = inTransaction(connection -> copy.tryCopy(connection, List.of(message(device, ts, 1, 10))));
        assertTrue(copied);

        List<String> indexes = inTransaction(connection -> strings(connection,
                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'bed_vitals'"));
        assertEquals(List.of("CREATE UNIQUE INDEX bed_vitals_identity_idx ON public.bed_vitals USING btree "
                + "(device_id, ts, seq)"), indexes);
        String plan = inTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET LOCAL enable_seqscan = off");
            }
            return String.join("\n", strings(connection, "EXPLAIN SELECT ts, heart_rate FROM bed_vitals_samples"
                    + " WHERE device_id = '" + device + "' AND row_ts >= '2026-12-03T07:59:00Z'"
                    + " AND row_ts < '2026-12-03T08:00:05Z' AND ts >= '2026-12-03T08:00:00Z'"
                    + " AND ts < '2026-12-03T08:00:05Z'"));
        });
        assertTrue(plan.contains("bed_vitals_identity_idx"), plan);
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private <T> T inTransaction(Work<T> work) {
        return transactions.executeWrite(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The stored rows, arrays as PostgreSQL prints them. */
    private static List<String> rows(Connection connection, String device) throws SQLException {
        return strings(connection, """
                SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || ' ' || seq
                       || ' ' || offset_ms::text || ' ' || heart_rate::text || ' ' || respiration_rate::text
                       || ' ' || in_bed::text || ' ' || movement::text
                FROM bed_vitals WHERE device_id = '%s' ORDER BY ts""".formatted(device));
    }

    private static List<String> samples(Connection connection, String device, String from) throws SQLException {
        List<String> samples = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT ts, seq, sample_no, heart_rate, respiration_rate, in_bed, movement FROM bed_vitals_samples
                WHERE device_id = ? AND row_ts >= ?::timestamptz ORDER BY ts, seq, sample_no""")) {
            statement.setString(1, device);
            statement.setString(2, from);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    samples.add(r.getTimestamp(1).toInstant() + " " + r.getLong(2) + " " + r.getInt(3) + " "
                            + r.getObject(4) + " " + r.getObject(5) + " " + r.getBoolean(6) + " " + r.getObject(7));
                }
            }
        }
        return samples;
    }
}
