package org.smartcare.care;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Which elders a family member or partner may read right now, from the elder_reader view (family links, and
 * consents that are granted, unexpired and unrevoked). Queried afresh every time: a revoked consent takes
 * effect at the next request or subscription event.
 */
@Singleton
public class ElderReaders {

    private static final String READABLE = "SELECT DISTINCT elder_id FROM elder_reader"
            + " WHERE tenant_id = ? AND kind = ? AND subject = ? AND category = ?";
    private static final String ANY_CATEGORY = "SELECT DISTINCT elder_id FROM elder_reader"
            + " WHERE tenant_id = ? AND kind = ? AND subject = ?";

    private final JdbcOperations jdbc;

    ElderReaders(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The elders whose data of this category the reader may read. */
    @ReadOnly
    public Set<Long> readable(ElderReader reader, ElderData category) {
        return ids(READABLE, reader, category);
    }

    /** The elders the reader may read at all (their registry record). */
    @ReadOnly
    public Set<Long> readableAtAll(ElderReader reader) {
        return ids(ANY_CATEGORY, reader, null);
    }

    private Set<Long> ids(String sql, ElderReader reader, ElderData category) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, reader.tenantId());
            statement.setString(2, reader.kind().name());
            statement.setString(3, reader.subject());
            if (category != null) {
                statement.setString(4, category.name());
            }
            Set<Long> ids = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
    }
}
