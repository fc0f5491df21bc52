package org.smartcare.telemetry;

import jakarta.inject.Singleton;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes bed vitals rows with a binary COPY straight into the hypertable: no per-row text formatting on either
 * side, the cheapest way in for the bulk of all telemetry. COPY knows no ON CONFLICT, so it runs under a
 * savepoint; when the batch holds a row already stored (a redelivery after a reconnect) the unique index
 * refuses it, the savepoint is rolled back and the caller's idempotent INSERT ... ON CONFLICT DO NOTHING
 * writes the batch instead. Must run inside the caller's transaction.
 */
@Singleton
public class CopyVitalsWriter {

    private static final String COPY = """
            COPY bed_vitals (ts, device_id, seq, offset_ms, heart_rate, respiration_rate, in_bed, movement)
            FROM STDIN (FORMAT binary)""";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final byte[] HEADER = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix seconds. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final int CHUNK = 64 * 1024;
    private static final int BOOL_OID = 16;
    private static final int INT2_OID = 21;
    private static final int INT4_OID = 23;
    /** A one-dimensional array's header: dimensions, has-nulls flag, element type, length, lower bound. */
    private static final int ARRAY_HEADER = 20;

    /** Copies every row; false (nothing written) when one of them was stored before. */
    public boolean tryCopy(Connection connection, List<BedVitals> rows) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            try {
                // Rows stream into the COPY through one chunk-sized buffer: a whole batch is never held encoded.
                PGCopyOutputStream stream = new PGCopyOutputStream(copy, CHUNK);
                writeRows(new DataOutputStream(stream), rows);
                stream.endCopy();
            } catch (IOException e) {
                throw e.getCause() instanceof SQLException cause ? cause : new SQLException("COPY of bed vitals", e);
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
        return true;
    }

    /**
     * PostgreSQL's binary COPY format: a header, per row a field count and length-prefixed fields, a trailer; an
     * array field is a header and length-prefixed elements (-1 for null).
     */
    private static void writeRows(DataOutputStream out, List<BedVitals> rows) throws IOException {
        out.write(HEADER);
        out.writeInt(0); // flags
        out.writeInt(0); // header extension length
        for (BedVitals row : rows) {
            List<BedVitals.Sample> samples = row.samples();
            out.writeShort(8);
            out.writeInt(8);
            out.writeLong(pgMicros(row.ts()));
            byte[] device = row.deviceId().getBytes(StandardCharsets.UTF_8);
            out.writeInt(device.length);
            out.write(device);
            out.writeInt(8);
            out.writeLong(row.seq());
            arrayHeader(out, INT4_OID, samples.size(), samples.size() * 8, false);
            for (BedVitals.Sample sample : samples) {
                out.writeInt(4);
                out.writeInt(sample.offsetMs());
            }
            int2Array(out, samples, BedVitals.Sample::heartRate);
            int2Array(out, samples, BedVitals.Sample::respirationRate);
            arrayHeader(out, BOOL_OID, samples.size(), samples.size() * 5, false);
            for (BedVitals.Sample sample : samples) {
                out.writeInt(1);
                out.writeByte(sample.inBed() ? 1 : 0);
            }
            int2Array(out, samples, BedVitals.Sample::movement);
        }
        out.writeShort(-1);
        out.flush();
    }

    private static void int2Array(DataOutputStream out, List<BedVitals.Sample> samples,
                                  Function<BedVitals.Sample, Integer> value) throws IOException {
        int elementBytes = 0;
        boolean nulls = false;
        for (BedVitals.Sample sample : samples) {
            boolean isNull = value.apply(sample) == null;
            nulls |= isNull;
            elementBytes += isNull ? 4 : 6;
        }
        arrayHeader(out, INT2_OID, samples.size(), elementBytes, nulls);
        for (BedVitals.Sample sample : samples) {
            Integer v = value.apply(sample);
            if (v == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(2);
                out.writeShort(v);
            }
        }
    }

    /** The field's length, then the header of a one-dimensional array of {@code length} elements from index 1. */
    private static void arrayHeader(DataOutputStream out, int elementOid, int length, int elementBytes, boolean nulls)
            throws IOException {
        out.writeInt(ARRAY_HEADER + elementBytes);
        out.writeInt(1);
        out.writeInt(nulls ? 1 : 0);
        out.writeInt(elementOid);
        out.writeInt(length);
        out.writeInt(1);
    }

    static long pgMicros(Instant ts) {
        return Math.addExact(Math.multiplyExact(ts.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L), ts.getNano() / 1_000);
    }
}
