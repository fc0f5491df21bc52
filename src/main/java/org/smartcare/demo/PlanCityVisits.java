package org.smartcare.demo;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan city's elders in special hardship, their caregivers and a month of visits: the first
 * {@code visitedElders} elders have one completed VISIT order, checked out within the month before today.
 */
final class PlanCityVisits {

    private static final double LAT = 31.69, LON = 113.38;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};

    private final JdbcOperations jdbc;
    private final String[] categories;
    private final int eldersPerCaregiver;

    PlanCityVisits(JdbcOperations jdbc, String[] categories, int eldersPerCaregiver) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.eldersPerCaregiver = eldersPerCaregiver;
    }

    void write(String tenantId, CityLayout layout, List<String> districts, LocalDate today) {
        elders(tenantId, layout.hardshipElders(), districts);
        Map<String, Long> elderIds = ids(tenantId);
        long provider = provider(tenantId);
        List<Long> caregivers = caregivers(tenantId, provider, layout.hardshipElders());
        visits(tenantId, layout, elderIds, provider, caregivers, districts, today);
    }

    private void elders(String tenantId, int count, List<String> districts) {
        jdbc.prepareStatement("""
                INSERT INTO elder (tenant_id, name, national_id, birth_date, gender, region_code, living_arrangement)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, national_id) DO NOTHING""", statement -> {
            for (int i = 0; i < count; i++) {
                LocalDate born = born(i);
                boolean male = i % 2 == 0;
                String region = districts.get(i % districts.size());
                statement.setString(1, tenantId);
                statement.setString(2, SURNAMES[i % SURNAMES.length] + "长者" + (i + 1));
                statement.setString(3, NationalIds.of(region, born, i / 7000, male));
                statement.setDate(4, PlanCity.date(born));
                statement.setString(5, male ? "MALE" : "FEMALE");
                statement.setString(6, region);
                statement.setString(7, i % 3 == 0 ? "EMPTY_NEST" : "ALONE");
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement("""
                INSERT INTO elder_hardship (elder_id, category)
                SELECT e.id, (?::text[])[1 + (e.id % ?)] FROM elder e WHERE e.tenant_id = ?
                ON CONFLICT DO NOTHING""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("text", categories));
            statement.setInt(2, categories.length);
            statement.setString(3, tenantId);
            return statement.executeUpdate();
        });
    }

    /** Born 1936 onwards, one day apart, so that birth date and serial make every national ID distinct. */
    private static LocalDate born(int i) {
        return LocalDate.of(1936, 1, 1).plusDays(i % 7000);
    }

    private Map<String, Long> ids(String tenantId) {
        return jdbc.prepareStatement("SELECT national_id, id FROM elder WHERE tenant_id = ?", statement -> {
            statement.setString(1, tenantId);
            Map<String, Long> ids = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(1), rows.getLong(2));
                }
            }
            return ids;
        });
    }

    private long provider(String tenantId) {
        return jdbc.prepareStatement("""
                SELECT id FROM institution WHERE tenant_id = ? AND type = 'STREET_CARE_CENTER' ORDER BY id LIMIT 1""",
                statement -> {
                    statement.setString(1, tenantId);
                    try (ResultSet rows = statement.executeQuery()) {
                        if (!rows.next()) {
                            throw new IllegalStateException("the plan city has no street care centre to send visitors");
                        }
                        return rows.getLong(1);
                    }
                });
    }

    private List<Long> caregivers(String tenantId, long provider, int elders) {
        int wanted = Math.max(1, elders / eldersPerCaregiver);
        jdbc.prepareStatement("""
                INSERT INTO staff (tenant_id, institution_id, name, certificate_no)
                SELECT ?, ?, '探访员 ' || n, 'PLAN-CG-' || n FROM generate_series(1, ?) n
                WHERE NOT EXISTS (SELECT 1 FROM staff s WHERE s.tenant_id = ? AND s.certificate_no = 'PLAN-CG-' || n)""",
                statement -> {
                    statement.setString(1, tenantId);
                    statement.setLong(2, provider);
                    statement.setInt(3, wanted);
                    statement.setString(4, tenantId);
                    return statement.executeUpdate();
                });
        return jdbc.prepareStatement("""
                SELECT id FROM staff WHERE tenant_id = ? AND certificate_no LIKE 'PLAN-CG-%' ORDER BY id""",
                statement -> {
                    statement.setString(1, tenantId);
                    List<Long> ids = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                        }
                    }
                    return ids;
                });
    }

    private void visits(String tenantId, CityLayout layout, Map<String, Long> elderIds, long provider,
                        List<Long> caregivers, List<String> districts, LocalDate today) {
        jdbc.prepareStatement("""
                INSERT INTO service_order (tenant_id, type, elder_id, institution_id, caregiver_id, scheduled_start,
                    scheduled_end, standard_minutes, origin, state, check_in_at, check_in_latitude, check_in_longitude,
                    check_out_at, check_out_latitude, check_out_longitude, idempotency_key)
                VALUES (?, 'VISIT', ?, ?, ?, ?, ?, 60, 'PLANNED', 'COMPLETED', ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, idempotency_key) DO NOTHING""", statement -> {
            for (int i = 0; i < layout.visitedElders(); i++) {
                String region = districts.get(i % districts.size());
                Long elder = elderIds.get(NationalIds.of(region, born(i), i / 7000, i % 2 == 0));
                LocalDate day = today.minusDays(1 + i % 25);
                statement.setString(1, tenantId);
                statement.setLong(2, elder);
                statement.setLong(3, provider);
                statement.setLong(4, caregivers.get(i % caregivers.size()));
                statement.setTimestamp(5, PlanCity.at(day, 9, 0));
                statement.setTimestamp(6, PlanCity.at(day, 10, 0));
                statement.setTimestamp(7, PlanCity.at(day, 9, 5));
                statement.setDouble(8, LAT);
                statement.setDouble(9, LON);
                statement.setTimestamp(10, PlanCity.at(day, 10, 0));
                statement.setDouble(11, LAT);
                statement.setDouble(12, LON);
                statement.setString(13, "plan-visit-" + elder + "-" + day);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement("""
                INSERT INTO service_order_transition (order_id, from_state, to_state, actor, at, note)
                SELECT o.id, NULL, 'COMPLETED', 'demo-generator', o.check_out_at, 'imported visit record'
                FROM service_order o WHERE o.tenant_id = ? AND o.idempotency_key LIKE 'plan-visit-%'
                AND NOT EXISTS (SELECT 1 FROM service_order_transition t WHERE t.order_id = o.id)""", statement -> {
            statement.setString(1, tenantId);
            return statement.executeUpdate();
        });
    }
}
