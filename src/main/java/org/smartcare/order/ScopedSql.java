package org.smartcare.order;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * SQL shared by the order, plan and follow-up lists. The scope predicate is written against a table aliased
 * {@code o} with tenant_id, institution_id and elder_id columns: service_order and service_plan both have them.
 */
final class ScopedSql {

    private ScopedSql() {
    }

    static void scoped(StringBuilder sql, List<Object> args, OrderScope scope) {
        if (scope.tenantId() != null) {
            sql.append(" AND o.tenant_id = ?");
            args.add(scope.tenantId());
        }
        if (scope.institutionId() != null) {
            sql.append(" AND o.institution_id = ?");
            args.add(scope.institutionId());
        }
        if (scope.elderIds() != null) {
            sql.append(" AND o.elder_id = ANY (?)");
            args.add(scope.elderArray());
        }
    }

    static void equal(StringBuilder sql, List<Object> args, String column, Long value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    /** Runs the statement with its arguments ({@code Long[]} as a bigint array) and maps rows to the entity. */
    static <T> List<T> query(JdbcOperations jdbc, String sql, List<Object> args, Class<T> entity) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                return jdbc.entityStream(rows, entity).toList();
            }
        });
    }

    private static void bind(PreparedStatement statement, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof Long[] ids) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("int8", ids));
            } else {
                statement.setObject(i + 1, arg);
            }
        }
    }
}
