package org.smartcare.order;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lists of orders for the API: scoped, filtered keyset pages, and the latest orders of many parents at once. */
@Singleton
public class OrderQueries {

    /** The parents whose latest orders {@link #latestOf} loads. */
    public enum Parent {
        ELDER("elder_id"), INSTITUTION("institution_id"), ALERT("alert_id"), PLAN("plan_id");

        private final String column;

        Parent(String column) {
            this.column = column;
        }
    }

    private final JdbcOperations jdbc;

    OrderQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} orders after the position (exclusive), newest scheduled first, plus whether more follow. */
    @ReadOnly
    public Page page(OrderScope scope, OrderFilter filter, OrderPosition after, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT o.* FROM service_order o WHERE true");
        ScopedSql.scoped(sql, args, scope);
        filtered(sql, args, filter);
        if (after != null) {
            sql.append(" AND (o.scheduled_start, o.id) < (?, ?)");
            args.add(Timestamp.from(after.scheduledStart()));
            args.add(after.id());
        }
        sql.append(" ORDER BY o.scheduled_start DESC, o.id DESC LIMIT ?");
        args.add(limit + 1);
        List<ServiceOrder> rows = query(sql.toString(), args);
        boolean more = rows.size() > limit;
        return new Page(more ? rows.subList(0, limit) : rows, more);
    }

    /**
     * The latest {@code limit} orders (by scheduled start) of each parent, in one statement whatever the number
     * of parents; every requested parent is in the result, with an empty list when it has none.
     */
    @ReadOnly
    public Map<Long, List<ServiceOrder>> latestOf(Parent parent, Set<Long> parentIds, OrderScope scope,
                                                  OrderFilter filter, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder inner = new StringBuilder("SELECT o.id, row_number() OVER (PARTITION BY o.")
                .append(parent.column).append(" ORDER BY o.scheduled_start DESC, o.id DESC) AS rn")
                .append(" FROM service_order o WHERE o.").append(parent.column).append(" = ANY (?)");
        args.add(parentIds.toArray(Long[]::new));
        ScopedSql.scoped(inner, args, scope);
        filtered(inner, args, filter);
        String sql = "SELECT o.* FROM service_order o WHERE o.id IN (SELECT id FROM (" + inner
                + ") ranked WHERE rn <= ?) ORDER BY o.scheduled_start DESC, o.id DESC";
        args.add(limit);
        Map<Long, List<ServiceOrder>> byParent = new HashMap<>();
        parentIds.forEach(id -> byParent.put(id, new ArrayList<>()));
        for (ServiceOrder order : query(sql, args)) {
            Long key = switch (parent) {
                case ELDER -> order.elderId();
                case INSTITUTION -> order.institutionId();
                case ALERT -> order.alertId();
                case PLAN -> order.planId();
            };
            byParent.get(key).add(order);
        }
        return byParent;
    }

    private static void filtered(StringBuilder sql, List<Object> args, OrderFilter filter) {
        anyOf(sql, args, "o.state", filter.states().stream().map(Enum::name).toList());
        anyOf(sql, args, "o.type", filter.types().stream().map(Enum::name).toList());
        anyOf(sql, args, "o.origin", filter.origins().stream().map(Enum::name).toList());
        ScopedSql.equal(sql, args, "o.elder_id", filter.elderId());
        ScopedSql.equal(sql, args, "o.institution_id", filter.institutionId());
        ScopedSql.equal(sql, args, "o.caregiver_id", filter.caregiverId());
        ScopedSql.equal(sql, args, "o.alert_id", filter.alertId());
        if (filter.scheduledFrom() != null) {
            sql.append(" AND o.scheduled_start >= ?");
            args.add(Timestamp.from(filter.scheduledFrom()));
        }
        if (filter.scheduledTo() != null) {
            sql.append(" AND o.scheduled_start < ?");
            args.add(Timestamp.from(filter.scheduledTo()));
        }
        if (filter.anomalous() != null) {
            sql.append(filter.anomalous() ? " AND EXISTS" : " AND NOT EXISTS")
                    .append(" (SELECT 1 FROM service_order_anomaly a WHERE a.order_id = o.id)");
        }
        if (filter.regionCode() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM elder e WHERE e.id = o.elder_id AND e.region_code LIKE ?)");
            args.add(RegionCodes.prefix(filter.regionCode()) + "%");
        }
    }

    private static void anyOf(StringBuilder sql, List<Object> args, String column, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (").append("?,".repeat(values.size() - 1)).append("?)");
        args.addAll(values);
    }

    private List<ServiceOrder> query(String sql, List<Object> args) {
        return ScopedSql.query(jdbc, sql, args, ServiceOrder.class);
    }

    /** One page of orders. */
    public record Page(List<ServiceOrder> orders, boolean hasMore) {
    }
}
