package org.smartcare.indicator;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Regions as a tree over region.parent_code: a region stands for itself and every region under it. */
@Singleton
public class RegionTree {

    /**
     * A common table expression {@code sub(code, parent_code)}: the region bound to its single parameter and
     * every region under it. UNION (not UNION ALL) stops at a region already reached, should the data hold a cycle.
     */
    static final String SUBTREE = """
            WITH RECURSIVE sub(code, parent_code) AS (
                SELECT code, parent_code FROM region WHERE code = ?
                UNION
                SELECT r.code, r.parent_code FROM region r JOIN sub s ON r.parent_code = s.code)
            """;

    private static final String ANCESTRY = """
            WITH RECURSIVE up(code, parent_code, depth) AS (
                SELECT code, parent_code, 0 FROM region WHERE code = ?
                UNION
                SELECT r.code, r.parent_code, u.depth + 1 FROM region r JOIN up u ON r.code = u.parent_code
                WHERE u.depth < 10)
            SELECT code FROM up ORDER BY depth""";

    private final JdbcOperations jdbc;

    RegionTree(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The region and the regions above it, nearest first; empty when the region is unknown. */
    @ReadOnly
    public List<String> ancestry(String code) {
        return jdbc.prepareStatement(ANCESTRY, statement -> {
            statement.setString(1, code);
            List<String> codes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
            }
            return codes;
        });
    }
}
