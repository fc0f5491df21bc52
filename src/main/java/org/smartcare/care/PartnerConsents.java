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
 * never deleted; a new grant for the same partner and elder replaces the live one.
 */
@Singleton
public class PartnerConsents {

    private final JdbcOperations jdbc;

    PartnerConsents(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Grants a consent from {@code from} until {@code until} (null: until revoked); returns its id. */
    @Transactional
    public long grant(String tenantId, String partner, long elderId, Set<ElderData> scopes, Instant from,
                      @Nullable Instant until) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a consent names at least one category of data");
        }
        revoke(tenantId, partner, elderId, from);
        return jdbc.prepareStatement("""
                INSERT INTO partner_consent (tenant_id, partner, elder_id, scopes, granted_at, expires_at)
                SELECT ?, ?, e.id, ?, ?, ? FROM elder e WHERE e.id = ? AND e.tenant_id = ?
                RETURNING id""", statement -> {
            statement.setString(1, tenantId);
            statement.setString(2, partner);
            statement.setArray(3, statement.getConnection().createArrayOf("text",
                    scopes.stream().map(Enum::name).sorted().toArray()));
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
        });
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
