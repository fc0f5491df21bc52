package org.smartcare.order;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Order statistics for orders scheduled in [from, to), by tenant, provider institution and the elder's region.
 * On time means checked in within the scheduled window widened by the check-in tolerance. Special hardship
 * means any hardship category but age alone (高龄 is not 特殊困难); coverage months are calendar months in
 * China Standard Time.
 */
@Singleton
public class OrderStatistics {

    static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    static final int MAX_MONTHS = 24;

    private static final String ORDERS = """
             FROM service_order o JOIN elder e ON e.id = o.elder_id
             WHERE o.scheduled_start >= ? AND o.scheduled_start < ?
               AND (?::text IS NULL OR o.tenant_id = ?) AND (?::bigint IS NULL OR o.institution_id = ?)
               AND (?::text IS NULL OR e.region_code LIKE ?)
               AND (?::bigint[] IS NULL OR o.elder_id = ANY (?))""";
    private static final String COUNTS = "SELECT o.type, o.state, count(*)" + ORDERS
            + " GROUP BY o.type, o.state ORDER BY o.type, o.state";
    private static final String RATES = """
            SELECT count(*) FILTER (WHERE o.check_in_at IS NOT NULL) AS checked_in,
                   avg(CASE WHEN o.check_in_at BETWEEN o.scheduled_start - ? * interval '1 second'
                                                   AND o.scheduled_end + ? * interval '1 second' THEN 1.0 ELSE 0.0 END)
                       FILTER (WHERE o.check_in_at IS NOT NULL) AS on_time,
                   avg(CASE WHEN EXISTS (SELECT 1 FROM service_order_anomaly a WHERE a.order_id = o.id)
                            THEN 1.0 ELSE 0.0 END) FILTER (WHERE o.check_in_at IS NOT NULL) AS anomalous,
                   count(r.order_id) AS rated,
                   avg(r.score) AS rating
            FROM service_order o JOIN elder e ON e.id = o.elder_id LEFT JOIN service_rating r ON r.order_id = o.id
            WHERE o.scheduled_start >= ? AND o.scheduled_start < ?
              AND (?::text IS NULL OR o.tenant_id = ?) AND (?::bigint IS NULL OR o.institution_id = ?)
              AND (?::text IS NULL OR e.region_code LIKE ?)
              AND (?::bigint[] IS NULL OR o.elder_id = ANY (?))""";
    private static final String KINDS = "SELECT a.kind, count(DISTINCT o.id)" + ORDERS.replace(
            "FROM service_order o", "FROM service_order_anomaly a JOIN service_order o ON o.id = a.order_id")
            + " GROUP BY a.kind ORDER BY a.kind";
    private static final String COVERAGE = """
            SELECT count(*) AS eligible,
                   count(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM service_order o WHERE o.elder_id = e.id AND o.type = 'VISIT'
                         AND o.check_in_at >= ? AND o.check_in_at < ?
                         AND (?::bigint IS NULL OR o.institution_id = ?))) AS visited
            FROM elder e
            WHERE (?::text IS NULL OR e.tenant_id = ?) AND (?::bigint IS NULL OR e.institution_id = ?)
              AND (?::text IS NULL OR e.region_code LIKE ?)
              AND (?::bigint[] IS NULL OR e.id = ANY (?))
              AND EXISTS (SELECT 1 FROM elder_hardship h WHERE h.elder_id = e.id AND h.category <> 'AGED_80_PLUS')""";

    private final JdbcOperations jdbc;
    private final OrderSettings settings;

    OrderStatistics(JdbcOperations jdbc, OrderSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @ReadOnly
    public OrderStats between(Instant from, Instant to, OrderScope scope, String regionCode) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        YearMonth first = YearMonth.from(from.atZone(CST));
        YearMonth last = YearMonth.from(to.minusNanos(1).atZone(CST));
        if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
            throw new IllegalArgumentException("a period spans at most " + MAX_MONTHS + " months");
        }
        String prefix = regionCode == null ? null : RegionCodes.prefix(regionCode) + "%";
        List<OrderStats.Count> counts = jdbc.prepareStatement(COUNTS, statement -> {
            bindOrders(statement, 1, from, to, scope, prefix);
            List<OrderStats.Count> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new OrderStats.Count(ServiceType.valueOf(result.getString(1)),
                            OrderState.valueOf(result.getString(2)), result.getInt(3)));
                }
            }
            return rows;
        });
        List<OrderStats.KindCount> kinds = jdbc.prepareStatement(KINDS, statement -> {
            bindOrders(statement, 1, from, to, scope, prefix);
            List<OrderStats.KindCount> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new OrderStats.KindCount(AnomalyKind.valueOf(result.getString(1)), result.getInt(2)));
                }
            }
            return rows;
        });
        List<OrderStats.MonthCoverage> coverage = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            coverage.add(coverage(month, scope, prefix));
        }
        int total = counts.stream().mapToInt(OrderStats.Count::count).sum();
        long tolerance = settings.checkInTolerance().toSeconds();
        return jdbc.prepareStatement(RATES, statement -> {
            statement.setLong(1, tolerance);
            statement.setLong(2, tolerance);
            bindOrders(statement, 3, from, to, scope, prefix);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new OrderStats(total, counts, result.getInt("checked_in"), number(result, "on_time"),
                        result.getInt("rated"), number(result, "rating"), number(result, "anomalous"), kinds, coverage);
            }
        });
    }

    private OrderStats.MonthCoverage coverage(YearMonth month, OrderScope scope, String prefix) {
        Instant start = month.atDay(1).atStartOfDay(CST).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(CST).toInstant();
        return jdbc.prepareStatement(COVERAGE, statement -> {
            statement.setTimestamp(1, Timestamp.from(start));
            statement.setTimestamp(2, Timestamp.from(end));
            setLong(statement, 3, scope.institutionId());
            setLong(statement, 4, scope.institutionId());
            statement.setString(5, scope.tenantId());
            statement.setString(6, scope.tenantId());
            setLong(statement, 7, scope.institutionId());
            setLong(statement, 8, scope.institutionId());
            statement.setString(9, prefix);
            statement.setString(10, prefix);
            setElders(statement, 11, scope);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                int eligible = result.getInt("eligible");
                int visited = result.getInt("visited");
                return new OrderStats.MonthCoverage(month.toString(), eligible, visited,
                        eligible == 0 ? null : (double) visited / eligible);
            }
        });
    }

    private static void bindOrders(PreparedStatement statement, int at, Instant from, Instant to, OrderScope scope,
                                   String prefix) throws SQLException {
        statement.setTimestamp(at, Timestamp.from(from));
        statement.setTimestamp(at + 1, Timestamp.from(to));
        statement.setString(at + 2, scope.tenantId());
        statement.setString(at + 3, scope.tenantId());
        setLong(statement, at + 4, scope.institutionId());
        setLong(statement, at + 5, scope.institutionId());
        statement.setString(at + 6, prefix);
        statement.setString(at + 7, prefix);
        setElders(statement, at + 8, scope);
    }

    /** Binds the scope's elders (or null: any elder) to the two placeholders of an elder condition. */
    private static void setElders(PreparedStatement statement, int index, OrderScope scope) throws SQLException {
        Long[] elders = scope.elderArray();
        for (int i = index; i <= index + 1; i++) {
            if (elders == null) {
                statement.setNull(i, Types.ARRAY);
            } else {
                statement.setArray(i, statement.getConnection().createArrayOf("int8", elders));
            }
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Double number(ResultSet result, String column) throws SQLException {
        double value = result.getDouble(column);
        return result.wasNull() ? null : value;
    }
}
