package org.smartcare.indicator;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Population figures per region and year. A region without figures of its own adds up those of the regions
 * directly under it (recursively), but only when every one of them has figures.
 */
@Singleton
public class Populations {

    private final JdbcOperations jdbc;

    Populations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the latest year not after {@code year}, the region's own or its sub-regions' sum. */
    @ReadOnly
    public Optional<Population> of(String regionCode, int year) {
        String sql = RegionTree.SUBTREE + """
                SELECT s.code, s.parent_code, p.year, p.total, p.aged_60_plus, p.aged_65_plus, p.aged_80_plus,
                       p.under_3, p.source
                FROM sub s LEFT JOIN LATERAL (
                    SELECT * FROM region_population rp WHERE rp.region_code = s.code AND rp.year <= ?
                    ORDER BY rp.year DESC LIMIT 1) p ON true""";
        Map<String, Population> own = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, regionCode);
            statement.setInt(2, year);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    read(rows, own, children);
                }
            }
            return null;
        });
        return Optional.ofNullable(resolve(regionCode, own, children));
    }

    private static void read(ResultSet rows, Map<String, Population> own, Map<String, List<String>> children)
            throws SQLException {
        String code = rows.getString("code");
        String parent = rows.getString("parent_code");
        if (parent != null) {
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(code);
        }
        if (rows.getObject("year") != null) {
            own.put(code, new Population(code, rows.getInt("year"), longOrNull(rows, "total"),
                    longOrNull(rows, "aged_60_plus"), longOrNull(rows, "aged_65_plus"),
                    longOrNull(rows, "aged_80_plus"), longOrNull(rows, "under_3"), rows.getString("source")));
        }
    }

    static Population resolve(String code, Map<String, Population> own, Map<String, List<String>> children) {
        Population figures = own.get(code);
        if (figures != null) {
            return figures;
        }
        List<String> under = children.getOrDefault(code, List.of());
        if (under.isEmpty()) {
            return null;
        }
        List<Population> parts = new ArrayList<>();
        for (String child : under) {
            Population part = resolve(child, own, children);
            if (part == null) {
                return null;
            }
            parts.add(part);
        }
        return Population.sum(code, parts);
    }

    /** Records (or replaces) a region's figures for a year. */
    @Transactional
    public void save(Population p) {
        jdbc.prepareStatement("""
                INSERT INTO region_population (region_code, year, total, aged_60_plus, aged_65_plus, aged_80_plus,
                                               under_3, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (region_code, year) DO UPDATE SET total = excluded.total,
                    aged_60_plus = excluded.aged_60_plus, aged_65_plus = excluded.aged_65_plus,
                    aged_80_plus = excluded.aged_80_plus, under_3 = excluded.under_3, source = excluded.source""",
                statement -> {
                    statement.setString(1, p.regionCode());
                    statement.setInt(2, p.year());
                    statement.setObject(3, p.total());
                    statement.setObject(4, p.aged60Plus());
                    statement.setObject(5, p.aged65Plus());
                    statement.setObject(6, p.aged80Plus());
                    statement.setObject(7, p.under3());
                    statement.setString(8, p.source());
                    return statement.executeUpdate();
                });
    }

    private static Long longOrNull(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }
}
