package org.smartcare.alert;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** The operator's list of alerts: scoped, filtered, newest first, in keyset pages. */
@Singleton
public class AlertBoard {

    private final JdbcOperations jdbc;

    AlertBoard(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} alerts after the position (exclusive), plus whether more follow. */
    @ReadOnly
    public Page page(AlertScope scope, AlertFilter filter, AlertPosition after, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM alert WHERE true");
        if (scope.tenantId() != null) {
            sql.append(" AND tenant_id = ?");
            args.add(scope.tenantId());
        }
        if (scope.institutionId() != null) {
            sql.append(" AND institution_id = ?");
            args.add(scope.institutionId());
        }
        if (scope.elderIds() != null) {
            sql.append(" AND elder_id = ANY (?)");
            args.add(scope.elderArray());
        }
        anyOf(sql, args, "status", filter.statuses().stream().map(Enum::name).toList());
        anyOf(sql, args, "severity", filter.severities().stream().map(Enum::name).toList());
        anyOf(sql, args, "kind", filter.kinds().stream().map(Enum::name).toList());
        if (filter.raisedFrom() != null) {
            sql.append(" AND raised_at >= ?");
            args.add(Timestamp.from(filter.raisedFrom()));
        }
        if (filter.raisedTo() != null) {
            sql.append(" AND raised_at < ?");
            args.add(Timestamp.from(filter.raisedTo()));
        }
        if (filter.regionPrefix() != null) {
            sql.append(" AND region_code LIKE ?");
            args.add(filter.regionPrefix() + "%");
        }
        if (filter.institutionId() != null) {
            sql.append(" AND institution_id = ?");
            args.add(filter.institutionId());
        }
        if (filter.elderId() != null) {
            sql.append(" AND elder_id = ?");
            args.add(filter.elderId());
        }
        if (after != null) {
            sql.append(" AND (raised_at, id) < (?, ?)");
            args.add(Timestamp.from(after.raisedAt()));
            args.add(after.id());
        }
        sql.append(" ORDER BY raised_at DESC, id DESC LIMIT ?");
        args.add(limit + 1);
        List<Alert> rows = jdbc.prepareStatement(sql.toString(), statement -> query(statement, args));
        boolean more = rows.size() > limit;
        return new Page(more ? rows.subList(0, limit) : rows, more);
    }

    private List<Alert> query(PreparedStatement statement, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof Long[] ids) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("int8", ids));
            } else {
                statement.setObject(i + 1, args.get(i));
            }
        }
        try (ResultSet rows = statement.executeQuery()) {
            return jdbc.entityStream(rows, Alert.class).toList();
        }
    }

    private static void anyOf(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (").append("?,".repeat(values.size() - 1)).append("?)");
        args.addAll(values);
    }

    /** One page of alerts. */
    public record Page(List<Alert> alerts, boolean hasMore) {
    }
}
