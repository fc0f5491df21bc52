package org.smartcare.indicator;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Visits, assessments, SOS buttons and alert answer times of a region and the regions under it. Days are the
 * city's days (Asia/Shanghai). Elders living in an institution are out of the visit and emergency-call counts:
 * both are home services (居家).
 */
@Singleton
public class ServiceQueries {

    static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");
    private static final String TENANT = " AND (?::text IS NULL OR %s.tenant_id = ?)";
    private static final String HARDSHIP = "EXISTS (SELECT 1 FROM elder_hardship h WHERE h.elder_id = e.id)";

    private static final String VISITS = RegionTree.SUBTREE + """
            SELECT count(*) AS elders, count(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM service_order o WHERE o.elder_id = e.id AND o.type = 'VISIT'
                       AND o.state IN ('COMPLETED', 'RATED') AND o.check_out_at >= ? AND o.check_out_at < ?)) AS visited
            FROM elder e JOIN sub ON e.region_code = sub.code
            WHERE e.living_arrangement <> 'IN_INSTITUTION' AND""" + " " + HARDSHIP + TENANT.formatted("e");

    private static final String ASSESSED_80 = RegionTree.SUBTREE + """
            SELECT count(*) FROM elder e JOIN sub ON e.region_code = sub.code
            WHERE e.birth_date <= ? AND e.ability_assessed_on <= ?""" + TENANT.formatted("e");

    private static final String SOS_COVERAGE = RegionTree.SUBTREE + """
            SELECT count(*) AS elders, count(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM device d JOIN device_state ds ON ds.device_id = d.id
                       WHERE d.elder_id = e.id AND d.type = 'SOS_BUTTON' AND d.revoked_at IS NULL AND ds.online))
                   AS covered
            FROM elder e JOIN sub ON e.region_code = sub.code
            WHERE e.living_arrangement <> 'IN_INSTITUTION' AND (e.living_arrangement = 'ALONE' OR""" + " " + HARDSHIP
            + ")" + TENANT.formatted("e");

    private static final String ANSWERS = RegionTree.SUBTREE + """
            SELECT count(*) AS alerts, count(*) FILTER (WHERE a.acknowledged_at IS NOT NULL
                       AND a.acknowledged_at <= a.raised_at + interval '60 seconds') AS answered
            FROM alert a JOIN sub ON a.region_code = sub.code
            WHERE a.kind IN ('SOS', 'FALL') AND a.raised_at >= ? AND a.raised_at < ?""" + TENANT.formatted("a");

    private final JdbcOperations jdbc;

    ServiceQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The figures on {@code asOf}: visits in the month ending that day, assessments up to that day, alerts of
     * the 30 days ending that day, SOS buttons as they are now (only when {@code asOf} is today).
     */
    @ReadOnly
    public ServiceFigures figures(String region, LocalDate asOf, IndicatorScope scope, LocalDate today) {
        Timestamp end = startOf(asOf.plusDays(1));
        long[] visits = pair(VISITS, region, scope, startOf(asOf.minusMonths(1).plusDays(1)), end);
        long assessed = jdbc.prepareStatement(ASSESSED_80, statement -> {
            statement.setString(1, region);
            statement.setDate(2, Date.valueOf(asOf.minusYears(80)));
            statement.setDate(3, Date.valueOf(asOf));
            bindTenant(statement, 4, scope);
            return single(statement);
        });
        long[] coverage = pair(SOS_COVERAGE, region, scope);
        long[] answers = pair(ANSWERS, region, scope, startOf(asOf.minusDays(29)), end);
        return new ServiceFigures(visits[0], visits[1], assessed, coverage[0],
                asOf.equals(today) ? coverage[1] : null, answers[0], answers[1]);
    }

    private long[] pair(String sql, String region, IndicatorScope scope, Timestamp... window) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, region);
            for (int i = 0; i < window.length; i++) {
                statement.setTimestamp(2 + i, window[i]);
            }
            bindTenant(statement, 2 + window.length, scope);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        });
    }

    private static void bindTenant(PreparedStatement statement, int index, IndicatorScope scope) throws SQLException {
        statement.setString(index, scope.tenantId());
        statement.setString(index + 1, scope.tenantId());
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(CITY_TIME).toInstant());
    }
}
