package org.smartcare.order;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lists of plans and follow-ups for the API: scoped keyset pages, and the plans of many elders at once. */
@Singleton
public class PlanQueries {

    private final JdbcOperations jdbc;

    PlanQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} plans with an id below {@code beforeId} (null: from the newest), plus whether more follow. */
    @ReadOnly
    public Page<ServicePlan> plans(OrderScope scope, PlanFilter filter, Long beforeId, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT o.* FROM service_plan o WHERE true");
        ScopedSql.scoped(sql, args, scope);
        if (filter.types() != null && !filter.types().isEmpty()) {
            sql.append(" AND o.type = ANY (?)");
            args.add(filter.types().stream().map(Enum::name).toArray(String[]::new));
        }
        ScopedSql.equal(sql, args, "o.elder_id", filter.elderId());
        ScopedSql.equal(sql, args, "o.institution_id", filter.institutionId());
        if (filter.active() != null) {
            sql.append(" AND o.active = ?");
            args.add(filter.active());
        }
        if (beforeId != null) {
            sql.append(" AND o.id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY o.id DESC LIMIT ?");
        args.add(limit + 1);
        return Page.of(ScopedSql.query(jdbc, sql.toString(), args, ServicePlan.class), limit);
    }

    /** The plans of each elder (active first, then newest), in one statement; every elder is in the result. */
    @ReadOnly
    public Map<Long, List<ServicePlan>> plansOf(Set<Long> elderIds, OrderScope scope) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT o.* FROM service_plan o WHERE o.elder_id = ANY (?)");
        args.add(elderIds.toArray(Long[]::new));
        ScopedSql.scoped(sql, args, scope);
        sql.append(" ORDER BY o.active DESC, o.id DESC");
        Map<Long, List<ServicePlan>> byElder = new HashMap<>();
        elderIds.forEach(id -> byElder.put(id, new ArrayList<>()));
        for (ServicePlan plan : ScopedSql.query(jdbc, sql.toString(), args, ServicePlan.class)) {
            byElder.get(plan.elderId()).add(plan);
        }
        return byElder;
    }

    /**
     * Follow-ups of the scope's orders by due time (the most urgent first), after the given position.
     * {@code now} decides which open follow-ups are overdue.
     */
    @ReadOnly
    public Page<FollowUp> followUps(OrderScope scope, FollowUpFilter filter, FollowUpPosition after, int limit,
                                    Instant now) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(
                "SELECT f.* FROM rating_follow_up f JOIN service_order o ON o.id = f.order_id WHERE true");
        ScopedSql.scoped(sql, args, scope);
        if (filter.open() != null) {
            sql.append(filter.open() ? " AND f.closed_at IS NULL" : " AND f.closed_at IS NOT NULL");
        }
        if (filter.overdue() != null) {
            sql.append(filter.overdue() ? " AND f.closed_at IS NULL AND f.due_at < ?"
                    : " AND NOT (f.closed_at IS NULL AND f.due_at < ?)");
            args.add(Timestamp.from(now));
        }
        if (after != null) {
            sql.append(" AND (f.due_at, f.id) > (?, ?)");
            args.add(Timestamp.from(after.dueAt()));
            args.add(after.id());
        }
        sql.append(" ORDER BY f.due_at, f.id LIMIT ?");
        args.add(limit + 1);
        return Page.of(ScopedSql.query(jdbc, sql.toString(), args, FollowUp.class), limit);
    }

    /** Where a follow-up page ends. */
    public record FollowUpPosition(Instant dueAt, long id) {
    }

    /** One page of rows and whether more follow. */
    public record Page<T>(List<T> rows, boolean hasMore) {

        static <T> Page<T> of(List<T> fetched, int limit) {
            boolean more = fetched.size() > limit;
            return new Page<>(more ? fetched.subList(0, limit) : fetched, more);
        }
    }
}
