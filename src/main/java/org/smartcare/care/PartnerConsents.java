package org.smartcare.care;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Set;

/**
 * Elders' consents that a partner app reads some categories of their data, for a time. A consent is revoked,
 * never deleted; a different grant for the same partner and elder replaces the live one, the same grant again
 * changes nothing.
 */
@Singleton
public class PartnerConsents {

    private final JdbcOperations jdbc;

    PartnerConsents(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A consent's id, and whether granting it changed anything. */
    public record Grant(long id, boolean changed) {
    }

    /** Grants a consent from {@code from} until {@code until} (null: until revoked). */
    @Transactional
    public Grant grant(String tenantId, String partner, long elderId, Set<ElderData> scopes, Instant from,
                      @Nullable Instant until) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a consent names at least one category of data");
        }
        Long same = jdbc.prepareStatement("""
                SELECT id FROM partner_consent WHERE tenant_id = ? AND partner = ? AND elder_id = ? AND revoked_at IS NULL
                  AND scopes = ? AND granted_at = ? AND expires_at IS NOT DISTINCT FROM ?""", statement -> {
            statement.setString(1, tenantId);
            statement.setString(2, partner);
            statement.setLong(3, elderId);
            statement.setArray(4, statement.getConnection().createArrayOf("text", sorted(scopes)));
            statement.setTimestamp(5, Timestamp.from(from));
            statement.setTimestamp(6, until == null ? null : Timestamp.from(until));
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        });
        if (same != null) {
            return new Grant(same, false); // the same grant again: nothing changes
        }
        revoke(tenantId, partner, elderId, from);
        return new Grant(jdbc.prepareStatement("""
                INSERT INTO partner_consent (tenant_id, partner, elder_id, scopes, granted_at, expires_at)
                SELECT ?, ?, e.id, ?, ?, ? FROM elder e WHERE e.id = ? AND e.tenant_id = ?
                RETURNING id""", statement -> {
            statement.setString(1, tenantId);
            statement.setString(2, partner);
            statement.setArray(3, statement.getConnection().createArrayOf("text", sorted(scopes)));
            statement.setTimestamp(4, Timestamp.from(from));
            if (until == null) {
                statement.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setTimestamp(5, Timestamp.from(until));
            }
            statement.setLong(6, elderId);
            statement.setString(7, tenantId);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("no elder " + elderId + " in tenant " + tenantId);
                }
                return rows.getLong(1);
            }
        }), true);
    }

    /** Whether the partner ever held a consent of the elder (live, expired or revoked). */
    @Transactional
    public boolean ever(String tenantId, String partner, long elderId) {
        return jdbc.prepareStatement("SELECT 1 FROM partner_consent WHERE tenant_id = ? AND partner = ? AND elder_id = ?",
                statement -> {
                    statement.setString(1, tenantId);
                    statement.setString(2, partner);
                    statement.setLong(3, elderId);
                    try (var rows = statement.executeQuery()) {
                        return rows.next();
                    }
                });
    }

    private static Object[] sorted(Set<ElderData> scopes) {
        return scopes.stream().map(Enum::name).sorted().toArray();
    }

    /** Revokes the live consent of the partner for the elder, if any; returns whether there was one. */
    @Transactional
    public boolean revoke(String tenantId, String partner, long elderId, Instant at) {
        return jdbc.prepareStatement("""
                UPDATE partner_consent SET revoked_at = ?
                WHERE tenant_id = ? AND partner = ? AND elder_id = ? AND revoked_at IS NULL""", statement -> {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setString(2, tenantId);
            statement.setString(3, partner);
            statement.setLong(4, elderId);
            return statement.executeUpdate() > 0;
        });
    }
}
