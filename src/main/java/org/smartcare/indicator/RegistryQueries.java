package org.smartcare.indicator;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.smartcare.care.InstitutionType;
import org.smartcare.care.Ownership;

/** Institutions of a region and the regions under it, grouped by what the indicators tell apart. */
@Singleton
public class RegistryQueries {

    private static final String GROUPS = RegionTree.SUBTREE + """
            SELECT i.type, i.ownership, i.inclusive, i.filed, i.demonstration, count(*) AS institutions,
                   sum(i.beds) AS beds, sum(i.nursing_beds) AS nursing_beds, sum(i.occupied_beds) AS occupied_beds,
                   sum(i.childcare_places) AS places, sum(i.enrolled_children) AS enrolled
            FROM institution i JOIN sub ON i.region_code = sub.code
            WHERE (?::text IS NULL OR i.tenant_id = ?)
            GROUP BY i.type, i.ownership, i.inclusive, i.filed, i.demonstration""";

    private final JdbcOperations jdbc;

    RegistryQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    public RegistryFigures figures(String regionCode, IndicatorScope scope) {
        return RegistryFigures.of(jdbc.prepareStatement(GROUPS, statement -> {
            statement.setString(1, regionCode);
            statement.setString(2, scope.tenantId());
            statement.setString(3, scope.tenantId());
            List<InstitutionGroup> groups = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    groups.add(new InstitutionGroup(InstitutionType.valueOf(rows.getString("type")),
                            Ownership.valueOf(rows.getString("ownership")), rows.getBoolean("inclusive"),
                            rows.getBoolean("filed"), rows.getBoolean("demonstration"),
                            rows.getLong("institutions"), rows.getLong("beds"), rows.getLong("nursing_beds"),
                            rows.getLong("occupied_beds"), rows.getLong("places"), rows.getLong("enrolled")));
                }
            }
            return groups;
        }));
    }
}
