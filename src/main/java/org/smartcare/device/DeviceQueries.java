package org.smartcare.device;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Device lists and health counts. A device belongs to an institution directly (cameras, institution
 * beds) or through the elder it is assigned to (home-care beds and buttons).
 */
@Singleton
public class DeviceQueries {

    private static final String OWNER = "coalesce(d.institution_id, (SELECT e.institution_id FROM elder e WHERE e.id = d.elder_id))";
    private static final String HEALTH = """
            SELECT %s AS institution_id, count(*) AS total,
                   count(*) FILTER (WHERE s.online) AS online,
                   count(*) FILTER (WHERE s.device_id IS NOT NULL AND NOT s.online) AS offline,
                   count(*) FILTER (WHERE s.device_id IS NULL) AS never_seen,
                   count(*) FILTER (WHERE s.battery < %d) AS low_battery
            FROM device d LEFT JOIN device_state s ON s.device_id = d.id
            WHERE d.revoked_at IS NULL AND %s = ANY (?)
            GROUP BY 1""".formatted(OWNER, DeviceState.LOW_BATTERY_PERCENT, OWNER);

    private final JdbcOperations jdbc;

    DeviceQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of a tenant's devices (all tenants when null) ordered by id, after the given id. */
    @ReadOnly
    public List<Device> page(String tenantId, DeviceFilter filter, String afterId, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT d.* FROM device d LEFT JOIN device_state s ON s.device_id = d.id WHERE d.revoked_at IS NULL");
        List<Object> args = new ArrayList<>();
        if (tenantId != null) {
            sql.append(" AND d.tenant_id = ?");
            args.add(tenantId);
        }
        if (!filter.types().isEmpty()) {
            sql.append(" AND d.type IN (").append("?,".repeat(filter.types().size() - 1)).append("?)");
            filter.types().forEach(type -> args.add(type.name()));
        }
        if (filter.connectivity() != null) {
            sql.append(switch (filter.connectivity()) {
                case ONLINE -> " AND s.online";
                case OFFLINE -> " AND s.device_id IS NOT NULL AND NOT s.online";
                case NEVER_SEEN -> " AND s.device_id IS NULL";
            });
        }
        if (filter.lowBattery() != null) {
            sql.append(filter.lowBattery() ? " AND s.battery < ?" : " AND (s.battery IS NULL OR s.battery >= ?)");
            args.add(DeviceState.LOW_BATTERY_PERCENT);
        }
        if (filter.institutionId() != null) {
            sql.append(" AND ").append(OWNER).append(" = ?");
            args.add(filter.institutionId());
        }
        if (filter.elderIds() != null) {
            sql.append(" AND d.elder_id = ANY (?)");
            args.add(filter.elderIds().toArray(Long[]::new));
        }
        if (afterId != null) {
            sql.append(" AND d.id > ?");
            args.add(afterId);
        }
        sql.append(" ORDER BY d.id LIMIT ?");
        args.add(limit);
        return jdbc.prepareStatement(sql.toString(), statement -> {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i) instanceof Long[] ids) {
                    statement.setArray(i + 1, statement.getConnection().createArrayOf("int8", ids));
                } else {
                    statement.setObject(i + 1, args.get(i));
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                return jdbc.entityStream(rows, Device.class).toList();
            }
        });
    }

    /** Health counts for each institution (zeros for those without devices). */
    @ReadOnly
    public Map<Long, DeviceHealth> health(Collection<Long> institutionIds) {
        Map<Long, DeviceHealth> byInstitution = new HashMap<>();
        jdbc.prepareStatement(HEALTH, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("int8", institutionIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("institution_id");
                    byInstitution.put(id, new DeviceHealth(id, rows.getInt("total"), rows.getInt("online"),
                            rows.getInt("offline"), rows.getInt("never_seen"), rows.getInt("low_battery")));
                }
            }
            return null;
        });
        institutionIds.forEach(id -> byInstitution.putIfAbsent(id, DeviceHealth.none(id)));
        return byInstitution;
    }
}
