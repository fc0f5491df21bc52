package org.smartcare.alert;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.smartcare.device.Device;

/**
 * Threshold overrides kept in alert_threshold, resolved setting by setting (elder, institution, tenant,
 * defaults). The whole table is small, so every instance holds it in memory: a change made here drops the
 * copy at once, a change made by another instance is seen within {@code thresholds-cache-ttl}.
 */
@Singleton
public class StoredThresholds implements ThresholdLookup {

    private static final String COLUMNS = Arrays.stream(ThresholdSetting.values()).map(ThresholdSetting::column)
            .collect(Collectors.joining(", "));
    private static final String LOAD = "SELECT tenant_id, institution_id, elder_id, " + COLUMNS + " FROM alert_threshold";
    private static final String UPSERT = "INSERT INTO alert_threshold (tenant_id, institution_id, elder_id, updated_by, "
            + COLUMNS + ") VALUES (?, ?, ?, ?" + ", ?".repeat(ThresholdSetting.values().length) + ")"
            + " ON CONFLICT (tenant_id, institution_id, elder_id) DO UPDATE SET updated_at = now(),"
            + " updated_by = EXCLUDED.updated_by, " + Arrays.stream(ThresholdSetting.values())
                    .map(s -> s.column() + " = EXCLUDED." + s.column()).collect(Collectors.joining(", "));
    private static final String DELETE = """
            DELETE FROM alert_threshold WHERE tenant_id = ? AND institution_id IS NOT DISTINCT FROM ?
              AND elder_id IS NOT DISTINCT FROM ?""";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final AlertThresholds defaults;
    private final Duration ttl;
    private volatile Snapshot snapshot;

    StoredThresholds(JdbcOperations jdbc, TransactionOperations<Connection> transactions, AlertPolicy policy,
                     @Value("${smartcare.alerts.thresholds-cache-ttl:10s}") Duration ttl) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.defaults = AlertThresholds.defaults(policy);
        this.ttl = ttl;
    }

    @Override
    public AlertThresholds forDevice(Device device) {
        Snapshot current = current();
        Long institution = device.institutionId();
        if (institution == null && device.elderId() != null && current.institutionOverrides().contains(device.tenantId())) {
            institution = elderInstitution(device.elderId()).orElse(null);
        }
        return current.resolve(defaults, device.tenantId(), institution, device.elderId());
    }

    @Override
    public AlertThresholds forScope(String tenantId, @Nullable Long institutionId, @Nullable Long elderId) {
        return current().resolve(defaults, tenantId, institutionId, elderId);
    }

    /** The scope's own override and the thresholds in force there; NOT_FOUND when the scope does not exist. */
    public ThresholdResult read(ThresholdScope scope) {
        return transactions.executeRead(status -> {
            Placement placement = place(scope);
            if (!placement.exists()) {
                return ThresholdResult.refused(ThresholdResult.Failure.NOT_FOUND, List.of(describe(scope) + " does not exist"));
            }
            Snapshot current = current();
            return ThresholdResult.of(scope, current.overrides().getOrDefault(scope, Map.of()),
                    current.resolve(defaults, scope.tenantId(), placement.institutionId(), scope.elderId()));
        });
    }

    /** The tenant an institution or (when given) an elder belongs to. */
    public Optional<String> tenantOf(@Nullable Long institutionId, @Nullable Long elderId) {
        String sql = elderId != null ? "SELECT tenant_id FROM elder WHERE id = ?" : "SELECT tenant_id FROM institution WHERE id = ?";
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            statement.setLong(1, elderId != null ? elderId : institutionId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
            }
        }));
    }

    /**
     * Replaces the scope's override with {@code values} (a setting left out inherits again; none at all removes
     * the override). Refused when the scope does not exist or the thresholds in force there would not make
     * sense. Setting the same values again changes nothing.
     */
    public ThresholdResult set(ThresholdScope scope, Map<ThresholdSetting, Integer> values, String actor) {
        ThresholdResult result = transactions.executeWrite(status -> {
            Placement placement = place(scope);
            if (!placement.exists()) {
                return ThresholdResult.refused(ThresholdResult.Failure.NOT_FOUND, List.of(describe(scope) + " does not exist"));
            }
            Snapshot current = load();
            AlertThresholds effective = Snapshot.without(current, scope)
                    .resolve(defaults, scope.tenantId(), placement.institutionId(), scope.elderId()).with(values);
            List<String> problems = new ArrayList<>(effective.problems());
            if (problems.isEmpty()) {
                problems.addAll(narrowerProblems(Snapshot.with(current, scope, values), scope));
            }
            if (!problems.isEmpty()) {
                return ThresholdResult.refused(ThresholdResult.Failure.INVALID_VALUES, problems);
            }
            write(scope, values, actor);
            return ThresholdResult.of(scope, Map.copyOf(values), effective);
        });
        snapshot = null; // after the commit: the next lookup reloads
        return result;
    }

    /** What the change would break in the overrides beneath the scope (an institution's, an elder's). */
    private List<String> narrowerProblems(Snapshot changed, ThresholdScope scope) {
        if (scope.elderId() != null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (ThresholdScope narrower : changed.overrides().keySet()) {
            if (!narrower.tenantId().equals(scope.tenantId()) || narrower.equals(scope)
                    || narrower.institutionId() != null && scope.institutionId() != null) {
                continue;
            }
            Long institution = narrower.elderId() != null ? place(narrower).institutionId() : narrower.institutionId();
            if (scope.institutionId() != null && !scope.institutionId().equals(institution)) {
                continue;
            }
            changed.resolve(defaults, narrower.tenantId(), institution, narrower.elderId()).problems()
                    .forEach(problem -> problems.add(describe(narrower) + " would have " + problem));
        }
        return problems;
    }

    private void write(ThresholdScope scope, Map<ThresholdSetting, Integer> values, String actor) {
        jdbc.prepareStatement(values.isEmpty() ? DELETE : UPSERT, statement -> {
            statement.setString(1, scope.tenantId());
            statement.setObject(2, scope.institutionId(), java.sql.Types.BIGINT);
            statement.setObject(3, scope.elderId(), java.sql.Types.BIGINT);
            if (!values.isEmpty()) {
                statement.setString(4, actor);
                ThresholdSetting[] settings = ThresholdSetting.values();
                for (int i = 0; i < settings.length; i++) {
                    statement.setObject(5 + i, values.get(settings[i]), java.sql.Types.INTEGER);
                }
            }
            return statement.executeUpdate();
        });
    }

    /** Whether the scope exists in its tenant, and the institution whose override applies under it. */
    private Placement place(ThresholdScope scope) {
        String sql = scope.elderId() != null ? "SELECT institution_id FROM elder WHERE id = ? AND tenant_id = ?"
                : scope.institutionId() != null ? "SELECT id FROM institution WHERE id = ? AND tenant_id = ?"
                : "SELECT NULL::bigint FROM tenant WHERE id = ? OR id = ?";
        return jdbc.prepareStatement(sql, statement -> {
            if (scope.elderId() != null || scope.institutionId() != null) {
                statement.setLong(1, scope.elderId() != null ? scope.elderId() : scope.institutionId());
            } else {
                statement.setString(1, scope.tenantId());
            }
            statement.setString(2, scope.tenantId());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? new Placement(true, row.getObject(1, Long.class)) : new Placement(false, null);
            }
        });
    }

    private Optional<Long> elderInstitution(long elderId) {
        return jdbc.prepareStatement("SELECT institution_id FROM elder WHERE id = ?", statement -> {
            statement.setLong(1, elderId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getObject(1, Long.class)) : Optional.<Long>empty();
            }
        });
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() > ttl.toNanos()) {
            current = load();
            snapshot = current;
        }
        return current;
    }

    private Snapshot load() {
        return jdbc.prepareStatement(LOAD, statement -> {
            Map<ThresholdScope, Map<ThresholdSetting, Integer>> overrides = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    overrides.put(new ThresholdScope(rows.getString(1), rows.getObject(2, Long.class),
                            rows.getObject(3, Long.class)), settings(rows));
                }
            }
            return Snapshot.of(overrides);
        });
    }

    private static Map<ThresholdSetting, Integer> settings(ResultSet row) throws SQLException {
        Map<ThresholdSetting, Integer> values = new EnumMap<>(ThresholdSetting.class);
        for (ThresholdSetting setting : ThresholdSetting.values()) {
            Integer value = row.getObject(setting.column(), Integer.class);
            if (value != null) {
                values.put(setting, value);
            }
        }
        return values;
    }

    private static String describe(ThresholdScope scope) {
        return scope.elderId() != null ? "elder " + scope.elderId() + " of tenant " + scope.tenantId()
                : scope.institutionId() != null ? "institution " + scope.institutionId() + " of tenant " + scope.tenantId()
                : "tenant " + scope.tenantId();
    }

    private record Placement(boolean exists, @Nullable Long institutionId) {
    }

    /** Every override, as loaded at one moment. */
    private record Snapshot(Map<ThresholdScope, Map<ThresholdSetting, Integer>> overrides,
                            Set<String> institutionOverrides, long loadedAt) {

        static Snapshot of(Map<ThresholdScope, Map<ThresholdSetting, Integer>> overrides) {
            Set<String> tenants = new HashSet<>();
            overrides.keySet().stream().filter(s -> s.institutionId() != null).forEach(s -> tenants.add(s.tenantId()));
            return new Snapshot(Map.copyOf(overrides), Set.copyOf(tenants), System.nanoTime());
        }

        static Snapshot with(Snapshot snapshot, ThresholdScope scope, Map<ThresholdSetting, Integer> values) {
            Map<ThresholdScope, Map<ThresholdSetting, Integer>> changed = new HashMap<>(snapshot.overrides());
            if (values.isEmpty()) {
                changed.remove(scope);
            } else {
                changed.put(scope, Map.copyOf(values));
            }
            return of(changed);
        }

        static Snapshot without(Snapshot snapshot, ThresholdScope scope) {
            Map<ThresholdScope, Map<ThresholdSetting, Integer>> rest = new HashMap<>(snapshot.overrides());
            rest.remove(scope);
            return of(rest);
        }

        AlertThresholds resolve(AlertThresholds defaults, String tenantId, @Nullable Long institutionId,
                                @Nullable Long elderId) {
            if (overrides.isEmpty()) {
                return defaults;
            }
            AlertThresholds resolved = defaults.with(overrides.getOrDefault(ThresholdScope.tenant(tenantId), Map.of()));
            if (institutionId != null) {
                resolved = resolved.with(overrides.getOrDefault(ThresholdScope.institution(tenantId, institutionId), Map.of()));
            }
            if (elderId != null) {
                resolved = resolved.with(overrides.getOrDefault(ThresholdScope.elder(tenantId, elderId), Map.of()));
            }
            return resolved;
        }
    }
}
