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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes bed vitals with a binary COPY straight into the hypertable: no per-row text formatting on either
 * side, the cheapest way in for the bulk of all telemetry. COPY knows no ON CONFLICT, so it runs under a
 * savepoint; when the batch holds a sample already stored (a redelivery after a reconnect) the unique index
 * refuses it, the savepoint is rolled back and the caller's idempotent INSERT ... ON CONFLICT DO NOTHING
 * writes the batch instead. Must run inside the caller's transaction.
 */
@Singleton
public class CopyVitalsWriter {

    private static final String COPY = """
            COPY bed_vitals (ts, device_id, seq, sample, heart_rate, respiration_rate, in_bed, movement)
            FROM STDIN (FORMAT binary)""";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final byte[] HEADER = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix seconds. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final int CHUNK = 64 * 1024;

    /** Copies every sample; false (nothing written) when one of them was stored before. */
    public boolean tryCopy(Connection connection, List<BedSample> samples) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            try {
                // Rows stream into the COPY through one chunk-sized buffer: a whole batch is never held encoded.
                PGCopyOutputStream stream = new PGCopyOutputStream(copy, CHUNK);
                writeRows(new DataOutputStream(stream), samples);
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

    /** PostgreSQL's binary COPY format: a header, per row a field count and length-prefixed fields, a trailer. */
    private static void writeRows(DataOutputStream out, List<BedSample> samples) throws IOException {
        out.write(HEADER);
        out.writeInt(0); // flags
        out.writeInt(0); // header extension length
        String deviceId = null;
        byte[] device = null;
        for (BedSample s : samples) {
            out.writeShort(8);
            out.writeInt(8);
            out.writeLong(pgMicros(s.ts()));
            if (!s.deviceId().equals(deviceId)) { // a message's samples come one after another
                deviceId = s.deviceId();
                device = deviceId.getBytes(StandardCharsets.UTF_8);
            }
            out.writeInt(device.length);
            out.write(device);
            out.writeInt(8);
            out.writeLong(s.seq());
            int2(out, s.sample());
            int2(out, s.heartRate());
            int2(out, s.respirationRate());
            out.writeInt(1);
            out.writeByte(s.inBed() ? 1 : 0);
            int2(out, s.movement());
        }
        out.writeShort(-1);
        out.flush();
    }

    private static void int2(DataOutputStream out, Integer value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(2);
        out.writeShort(value);
    }

    static long pgMicros(Instant ts) {
        return Math.addExact(Math.multiplyExact(ts.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L), ts.getNano() / 1_000);
    }
}
