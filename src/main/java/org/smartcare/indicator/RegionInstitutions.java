package org.smartcare.indicator;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.List;
import org.smartcare.care.Institution;

/** The institutions of a region and the regions under it, in id order, in keyset pages. */
@Singleton
public class RegionInstitutions {

    private static final String PAGE = RegionTree.SUBTREE + """
            SELECT i.* FROM institution i JOIN sub ON i.region_code = sub.code
            WHERE i.id > ? AND (?::text IS NULL OR i.tenant_id = ?)
            ORDER BY i.id LIMIT ?""";

    private final JdbcOperations jdbc;

    RegionInstitutions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} institutions with ids above {@code afterId}, plus whether more follow. */
    @ReadOnly
    public Page page(String regionCode, IndicatorScope scope, long afterId, int limit) {
        List<Institution> rows = jdbc.prepareStatement(PAGE, statement -> {
            statement.setString(1, regionCode);
            statement.setLong(2, afterId);
            statement.setString(3, scope.tenantId());
            statement.setString(4, scope.tenantId());
            statement.setInt(5, limit + 1);
            try (ResultSet result = statement.executeQuery()) {
                return jdbc.entityStream(result, Institution.class).toList();
            }
        });
        boolean more = rows.size() > limit;
        return new Page(more ? rows.subList(0, limit) : rows, more);
    }

    /** One page and whether another follows. */
    public record Page(List<Institution> institutions, boolean hasNext) {
    }
}
