package org.smartcare.order;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Duration;

/** The standard duration of each service type per tenant; a tenant that set none gets the built-in default. */
@Singleton
public class ServiceStandards {

    private static final String FIND = "SELECT standard_minutes FROM service_type WHERE tenant_id = ? AND type = ?";
    private static final String UPSERT = """
            INSERT INTO service_type (tenant_id, type, name, standard_minutes) VALUES (?, ?, ?, ?)
            ON CONFLICT (tenant_id, type) DO UPDATE SET name = excluded.name, standard_minutes = excluded.standard_minutes""";

    private final JdbcOperations jdbc;

    ServiceStandards(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Duration standardFor(String tenantId, ServiceType type) {
        return jdbc.prepareStatement(FIND, statement -> {
            statement.setString(1, tenantId);
            statement.setString(2, type.name());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Duration.ofMinutes(rows.getInt(1)) : type.defaultStandard();
            }
        });
    }

    /** Sets the tenant's standard for a type (whole minutes); orders made before keep the standard they had. */
    @Transactional
    public void set(String tenantId, ServiceType type, String name, Duration standard) {
        long minutes = standard.toMinutes();
        if (minutes < 1 || minutes > 1440 || !standard.equals(Duration.ofMinutes(minutes))) {
            throw new IllegalArgumentException("a standard is 1 to 1440 whole minutes, got " + standard);
        }
        jdbc.prepareStatement(UPSERT, statement -> {
            statement.setString(1, tenantId);
            statement.setString(2, type.name());
            statement.setString(3, name == null || name.isBlank() ? type.label() : name);
            statement.setInt(4, (int) minutes);
            return statement.executeUpdate();
        });
    }
}
