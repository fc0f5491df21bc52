package org.smartcare.demo;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.smartcare.care.Tenant;
import org.smartcare.care.Tenants;

/**
 * Writes a {@link CityLayout} into the registry for one tenant, idempotently by natural keys: institutions by
 * code, elders by national ID, visit records by key. Writes the implied population of the city for the plan's
 * year. Visits are imported history (completed VISIT orders in the month before today), not live orders.
 */
@Singleton
public class PlanCity {

    static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");
    private static final String[] CATEGORIES = {"EXTREME_POVERTY", "MINIMUM_LIVING_ALLOWANCE", "LOW_INCOME",
            "DISABLED_OR_DEMENTIA", "SPECIAL_FAMILY_PLANNING", "SEVERE_DISABILITY"};
    private static final int ELDERS_PER_CAREGIVER = 50;

    private final JdbcOperations jdbc;
    private final Tenants tenants;

    PlanCity(JdbcOperations jdbc, Tenants tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    /** Builds the city in {@code region} (which must exist) and the regions directly under it. */
    @Transactional
    public CityLayout build(PlanBaseline plan, String region, String tenantId, double scale, int populationYear,
                            LocalDate today) {
        if (!tenants.existsById(tenantId)) {
            tenants.save(new Tenant(tenantId, "规划示范城市 " + region));
        }
        List<String> districts = jdbc.prepareStatement(
                "SELECT code FROM region WHERE parent_code = ? ORDER BY code", statement -> {
                    statement.setString(1, region);
                    return codes(statement);
                });
        CityLayout layout = CityLayout.of(plan, scale, districts.isEmpty() ? List.of(region) : districts);
        institutions(tenantId, layout.institutions());
        population(region, populationYear, layout, plan.regionCode());
        new PlanCityVisits(jdbc, CATEGORIES, ELDERS_PER_CAREGIVER).write(tenantId, layout, districts.isEmpty()
                ? List.of(region) : districts, today);
        return layout;
    }

    private void institutions(String tenantId, List<PlannedInstitution> planned) {
        jdbc.prepareStatement("""
                INSERT INTO institution (tenant_id, code, name, type, ownership, inclusive, region_code, beds,
                                         nursing_beds, childcare_places, filed, demonstration)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, code) DO NOTHING""", statement -> {
            for (PlannedInstitution p : planned) {
                statement.setString(1, tenantId);
                statement.setString(2, p.code());
                statement.setString(3, p.name());
                statement.setString(4, p.type().name());
                statement.setString(5, p.ownership().name());
                statement.setBoolean(6, p.inclusive());
                statement.setString(7, p.regionCode());
                statement.setInt(8, p.beds());
                statement.setInt(9, p.nursingBeds());
                statement.setInt(10, p.places());
                statement.setBoolean(11, p.filed());
                statement.setBoolean(12, p.demonstration());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    private void population(String region, int year, CityLayout layout, String planRegion) {
        jdbc.prepareStatement("""
                INSERT INTO region_population (region_code, year, total, aged_60_plus, source) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (region_code, year) DO UPDATE SET total = excluded.total,
                    aged_60_plus = excluded.aged_60_plus, source = excluded.source""", statement -> {
            statement.setString(1, region);
            statement.setInt(2, year);
            statement.setLong(3, layout.total());
            statement.setLong(4, layout.aged60Plus());
            statement.setString(5, "demo plan city: implied by the " + planRegion + " plan's current figures"
                    + " (beds / beds per 1,000 older people; places / places per 1,000 people)");
            return statement.executeUpdate();
        });
    }

    static List<String> codes(PreparedStatement statement) throws SQLException {
        try (var rows = statement.executeQuery()) {
            List<String> codes = new java.util.ArrayList<>();
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
            return codes;
        }
    }

    static Timestamp at(LocalDate day, int hour, int minute) {
        Instant instant = day.atTime(hour, minute).atZone(CITY_TIME).toInstant();
        return Timestamp.from(instant);
    }

    static Date date(LocalDate day) {
        return Date.valueOf(day);
    }
}
