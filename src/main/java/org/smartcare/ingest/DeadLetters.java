package org.smartcare.ingest;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Refused messages, kept with their reason and their first bytes; the same bytes on the same topic count once. */
@Singleton
public class DeadLetters {

    private static final String UPSERT = """
            INSERT INTO dead_letter (topic, device_id, reason, detail, payload, payload_size, payload_sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (topic, payload_sha256)
            DO UPDATE SET deliveries = dead_letter.deliveries + 1, last_received_at = now(),
                          reason = EXCLUDED.reason, detail = EXCLUDED.detail""";
    private static final String RECENT = """
            SELECT l.* FROM dead_letter l
             WHERE (?::bigint IS NULL OR l.id < ?::bigint)
               AND (?::text IS NULL OR EXISTS (SELECT 1 FROM device d WHERE d.id = l.device_id AND d.tenant_id = ?::text))
               AND (cardinality(?::text[]) = 0 OR l.reason = ANY (?::text[]))
               AND (?::text IS NULL OR l.device_id = ?::text)
               AND (?::timestamptz IS NULL OR l.last_received_at >= ?::timestamptz)
               AND (?::timestamptz IS NULL OR l.last_received_at < ?::timestamptz)
             ORDER BY l.id DESC LIMIT ?""";
    private static final int MAX_DETAIL = 1_000;
    private static final int MAX_TOPIC = 512;

    private final ConnectionOperations<Connection> connections;
    private final IngestSettings settings;

    DeadLetters(ConnectionOperations<Connection> connections, IngestSettings settings) {
        this.connections = connections;
        this.settings = settings;
    }

    /** Records refused messages in the caller's transaction. */
    public void recordAll(List<Triage.Refused> refused) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (Triage.Refused one : refused) {
                byte[] payload = one.message().payload();
                upsert.setString(1, clip(one.message().topic(), MAX_TOPIC));
                upsert.setString(2, one.rejection().deviceId());
                upsert.setString(3, one.rejection().reason().name());
                upsert.setString(4, clip(one.rejection().detail(), MAX_DETAIL));
                upsert.setBytes(5, Arrays.copyOf(payload, Math.min(payload.length, settings.deadLetterKeepBytes())));
                upsert.setInt(6, payload.length);
                upsert.setBytes(7, sha256(payload));
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new DeadLetterStoreException(e);
        }
    }

    /** The most recent dead letters the filter admits, newest first, before the given id when one is given. */
    @Transactional(readOnly = true)
    public List<DeadLetter> recent(DeadLetterFilter filter, Long beforeId, int limit) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement query = connection.prepareStatement(RECENT)) {
            query.setObject(1, beforeId, Types.BIGINT);
            query.setObject(2, beforeId, Types.BIGINT);
            query.setString(3, filter.tenantId());
            query.setString(4, filter.tenantId());
            java.sql.Array reasons = connection.createArrayOf("text",
                    filter.reasons().stream().map(Enum::name).toArray());
            query.setArray(5, reasons);
            query.setArray(6, reasons);
            query.setString(7, filter.deviceId());
            query.setString(8, filter.deviceId());
            Timestamp from = filter.from() == null ? null : Timestamp.from(filter.from());
            Timestamp to = filter.to() == null ? null : Timestamp.from(filter.to());
            query.setTimestamp(9, from);
            query.setTimestamp(10, from);
            query.setTimestamp(11, to);
            query.setTimestamp(12, to);
            query.setInt(13, limit);
            List<DeadLetter> page = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    page.add(new DeadLetter(rows.getLong("id"), rows.getString("topic"), rows.getString("device_id"),
                            DeadLetterReason.valueOf(rows.getString("reason")), rows.getString("detail"),
                            rows.getBytes("payload"), rows.getInt("payload_size"),
                            rows.getTimestamp("first_received_at").toInstant(),
                            rows.getTimestamp("last_received_at").toInstant(), rows.getInt("deliveries")));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new DeadLetterStoreException(e);
        }
    }

    private static String clip(String text, int max) {
        String safe = text == null ? "" : text.replace('\0', '?');
        return safe.length() <= max ? safe : safe.substring(0, max) + "…";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A failed dead-letter write; retried like any other database failure. */
    public static class DeadLetterStoreException extends RuntimeException {
        DeadLetterStoreException(SQLException cause) {
            super("dead letters: " + cause.getMessage(), cause);
        }
    }
}
