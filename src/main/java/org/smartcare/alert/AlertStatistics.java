package org.smartcare.alert;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Alert counts and answer times. "Acknowledged within the limit" compares the acknowledgement with the
 * deadline the alert was given when raised (its severity's limit); unacknowledged alerts count as late.
 */
@Singleton
public class AlertStatistics {

    private static final String WHERE = " WHERE raised_at >= ? AND raised_at < ?"
            + " AND (?::text IS NULL OR tenant_id = ?) AND (?::text IS NULL OR region_code LIKE ?)"
            + " AND (?::bigint IS NULL OR institution_id = ?) AND (?::bigint[] IS NULL OR elder_id = ANY (?))";
    private static final String COUNTS = "SELECT kind, severity, count(*) FROM alert" + WHERE
            + " GROUP BY kind, severity ORDER BY kind, severity";
    private static final String TIMES = """
            SELECT count(*) AS total,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - raised_at))
                       FILTER (WHERE acknowledged_at IS NOT NULL) AS ack_p50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - raised_at))
                       FILTER (WHERE acknowledged_at IS NOT NULL) AS ack_p90,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - raised_at))
                       FILTER (WHERE resolved_at IS NOT NULL) AS res_p50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - raised_at))
                       FILTER (WHERE resolved_at IS NOT NULL) AS res_p90,
                   avg(CASE WHEN acknowledged_at IS NOT NULL AND acknowledged_at <= ack_deadline THEN 1.0 ELSE 0.0 END)
                       AS within_limit
            FROM alert""" + WHERE;

    private final JdbcOperations jdbc;

    AlertStatistics(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    public AlertStats between(Instant from, Instant to, AlertScope scope, String regionCode) {
        String prefix = regionCode == null ? null : RegionPrefix.of(regionCode) + "%";
        List<AlertStats.Count> counts = jdbc.prepareStatement(COUNTS, statement -> {
            bind(statement, from, to, scope, prefix);
            List<AlertStats.Count> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new AlertStats.Count(AlertKind.valueOf(result.getString(1)),
                            Severity.valueOf(result.getString(2)), result.getInt(3)));
                }
            }
            return rows;
        });
        return jdbc.prepareStatement(TIMES, statement -> {
            bind(statement, from, to, scope, prefix);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                int total = result.getInt("total");
                return new AlertStats(total, counts, number(result, "ack_p50"), number(result, "ack_p90"),
                        number(result, "res_p50"), number(result, "res_p90"),
                        total == 0 ? null : number(result, "within_limit"));
            }
        });
    }

    private static void bind(PreparedStatement statement, Instant from, Instant to, AlertScope scope, String prefix)
            throws SQLException {
        statement.setTimestamp(1, Timestamp.from(from));
        statement.setTimestamp(2, Timestamp.from(to));
        statement.setString(3, scope.tenantId());
        statement.setString(4, scope.tenantId());
        statement.setString(5, prefix);
        statement.setString(6, prefix);
        for (int i = 7; i <= 8; i++) {
            if (scope.institutionId() == null) {
                statement.setNull(i, Types.BIGINT);
            } else {
                statement.setLong(i, scope.institutionId());
            }
        }
        Long[] elders = scope.elderArray();
        for (int i = 9; i <= 10; i++) {
            if (elders == null) {
                statement.setNull(i, Types.ARRAY);
            } else {
                statement.setArray(i, statement.getConnection().createArrayOf("int8", elders));
            }
        }
    }

    private static Double number(ResultSet result, String column) throws SQLException {
        double value = result.getDouble(column);
        return result.wasNull() ? null : value;
    }
}
