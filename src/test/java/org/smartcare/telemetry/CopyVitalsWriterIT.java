package org.smartcare.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Binary COPY of bed vitals into the real hypertable: exact values, and redelivery stays idempotent. */
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
        List<BedSample> samples = List.of(
                new BedSample(device, ts, 42, 0, 61, 14, true, 3),
                new BedSample(device, ts.plusMillis(1000), 42, 1, null, null, false, null),
                new BedSample(device, Instant.parse("1999-12-31T23:59:59.999999Z"), 9_000_000_000L, 119, 250, 80, true, 100));
        boolean copied = inTransaction(connection -> copy.tryCopy(connection, samples));
        assertTrue(copied);

        List<String> stored = inTransaction(connection -> rows(connection, device));
        assertEquals(List.of(
                "1999-12-31T23:59:59.999999Z 9000000000 119 250 80 true 100",
                "2026-12-03T07:15:30.123456Z 42 0 61 14 true 3",
                "2026-12-03T07:15:31.123456Z 42 1 null null false null"), stored);
    }

    @Test
    void aRedeliveredBatchFallsBackToTheIdempotentInsertAndStoresOnlyWhatIsNew() {
        String device = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        Instant ts = Instant.parse("2026-12-03T07:00:00Z");
        List<BedSample> first = samples(device, ts, 1, 10);
        boolean firstCopied = inTransaction(connection -> copy.tryCopy(connection, first));
        assertTrue(firstCopied);

        List<BedSample> again = new ArrayList<>(samples(device, ts, 1, 10));
        again.addAll(samples(device, ts.plusSeconds(10), 2, 10));
        boolean copied = inTransaction(connection -> {
            boolean result = copy.tryCopy(connection, again);
            // the transaction is still usable after the refused COPY, and holds nothing of it
            assertEquals(10, rows(connection, device).size());
            return result;
        });
        assertFalse(copied, "a sample stored before makes the COPY give way");

        TelemetryBatch batch = new TelemetryBatch();
        again.forEach(batch::add);
        transactions.executeWrite(status -> writer.write(batch));
        transactions.executeWrite(status -> writer.write(batch));
        assertEquals(20, database.count("SELECT count(*) FROM bed_vitals WHERE device_id = ?", device));
        assertEquals(20, database.count(
                "SELECT count(DISTINCT (seq, sample)) FROM bed_vitals WHERE device_id = ?", device));
    }

    @Test
    void aBatchLargerThanOneChunkOfManyDevicesArrivesWhole() {
        String prefix = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        List<BedSample> samples = new ArrayList<>();
        Instant ts = Instant.parse("2026-12-03T05:00:00Z");
        // 3,000 rows (about 240 KB encoded, several chunks), messages of three devices in turn.
        for (int message = 0; message < 300; message++) {
            samples.addAll(samples(prefix + "-" + message % 3, ts.plusSeconds(10L * message), message, 10));
        }
        boolean copied = inTransaction(connection -> copy.tryCopy(connection, samples));
        assertTrue(copied);
        for (int device = 0; device < 3; device++) {
            assertEquals(1000, database.count(
                    "SELECT count(DISTINCT (seq, sample)) FROM bed_vitals WHERE device_id = ?", prefix + "-" + device));
            assertEquals(100, database.count(
                    "SELECT count(*) FROM bed_vitals WHERE device_id = ? AND seq % 3 = ? AND sample = 9",
                    prefix + "-" + device, device), "each device holds its own messages");
        }
    }

    @Test
    void duplicatesWithinOneBatchAreStoredOnce() {
        String device = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        TelemetryBatch batch = new TelemetryBatch();
        samples(device, Instant.parse("2026-12-03T06:00:00Z"), 7, 5).forEach(batch::add);
        samples(device, Instant.parse("2026-12-03T06:00:00Z"), 7, 5).forEach(batch::add);
        transactions.executeWrite(status -> writer.write(batch));
        assertEquals(5, database.count("SELECT count(*) FROM bed_vitals WHERE device_id = ?", device));
    }

    private static List<BedSample> samples(String device, Instant ts, long seq, int count) {
        List<BedSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new BedSample(device, ts.plusMillis(1000L * i), seq, i, 60 + i, 12, true, i));
        }
        return samples;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @Test
    void oneBedOverATimeRangeIsReadThroughTheIdentityIndexTheOnlyIndexEachSampleIsWrittenInto() {
        String device = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        Instant ts = Instant.parse("2026-12-03T08:00:00Z");
        boolean copied = inTransaction(connection -> copy.tryCopy(connection, samples(device, ts, 1, 10)));
        assertTrue(copied);

        List<String> indexes = inTransaction(connection -> strings(connection,
                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'bed_vitals'"));
        assertEquals(List.of("CREATE UNIQUE INDEX bed_vitals_identity_idx ON public.bed_vitals USING btree "
                + "(device_id, ts, seq, sample)"), indexes);
        String plan = inTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET LOCAL enable_seqscan = off");
            }
            return String.join("\n", strings(connection, "EXPLAIN SELECT ts, heart_rate FROM bed_vitals WHERE device_id = '"
                    + device + "' AND ts >= '2026-12-03T08:00:00Z' AND ts < '2026-12-03T08:00:05Z'"));
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

    private static List<String> rows(Connection connection, String device) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT ts, seq, sample, heart_rate, respiration_rate, in_bed, movement FROM bed_vitals
                WHERE device_id = ? ORDER BY ts, sample""")) {
            statement.setString(1, device);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getTimestamp(1).toInstant() + " " + r.getLong(2) + " " + r.getInt(3) + " "
                            + r.getObject(4) + " " + r.getObject(5) + " " + r.getBoolean(6) + " " + r.getObject(7));
                }
            }
        }
        return rows;
    }
}
