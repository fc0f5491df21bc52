package org.smartcare.childcare;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smartcare.care.Gender;

/** Children, their guardians and enrolments. Every read is narrowed by a {@link ChildScope} in its SQL. */
@Singleton
public class Children {

    private static final String SELECT = """
            SELECT c.id, c.tenant_id, c.name, c.national_id, c.birth_date, c.gender, e.institution_id, e.enrolled_on
            FROM child c LEFT JOIN child_enrollment e ON e.child_id = c.id AND e.left_on IS NULL
            WHERE true""";

    private final JdbcOperations jdbc;

    Children(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} children of the scope with an id above {@code afterId}, by id, plus one to tell if more follow. */
    @ReadOnly
    public List<Child> page(ChildScope scope, long afterId, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT);
        scoped(sql, args, scope);
        sql.append(" AND c.id > ? ORDER BY c.id LIMIT ?");
        args.add(afterId);
        args.add(limit + 1);
        return query(sql.toString(), args);
    }

    @ReadOnly
    public Optional<Child> find(ChildScope scope, long id) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT);
        scoped(sql, args, scope);
        sql.append(" AND c.id = ?");
        args.add(id);
        return query(sql.toString(), args).stream().findFirst();
    }

    /** The guardians of each child (every child is in the result), in one statement. */
    @ReadOnly
    public Map<Long, List<Guardian>> guardiansOf(Set<Long> childIds) {
        Map<Long, List<Guardian>> byChild = new HashMap<>();
        childIds.forEach(id -> byChild.put(id, new ArrayList<>()));
        jdbc.prepareStatement("SELECT child_id, subject, name, relation, phone FROM child_guardian"
                + " WHERE child_id = ANY (?) ORDER BY child_id, name", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("int8", childIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byChild.get(rows.getLong(1)).add(new Guardian(rows.getLong(1), rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getString(5)));
                }
            }
            return null;
        });
        return byChild;
    }

    /** Registers the child, or returns the id of the one already registered with that national ID number. */
    @Transactional
    public long register(NewChild child) {
        return jdbc.prepareStatement("""
                INSERT INTO child (tenant_id, name, national_id, birth_date, gender) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, national_id) DO UPDATE SET national_id = EXCLUDED.national_id
                RETURNING id""", statement -> {
            statement.setString(1, child.tenantId());
            statement.setString(2, child.name());
            statement.setString(3, child.nationalId());
            statement.setDate(4, Date.valueOf(child.birthDate()));
            statement.setString(5, child.gender().name());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Adds (or updates) a guardian of the child. */
    @Transactional
    public void addGuardian(Guardian guardian) {
        jdbc.prepareStatement("""
                INSERT INTO child_guardian (child_id, subject, name, relation, phone) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (child_id, subject) DO UPDATE
                SET name = EXCLUDED.name, relation = EXCLUDED.relation, phone = EXCLUDED.phone""", statement -> {
            statement.setLong(1, guardian.childId());
            statement.setString(2, guardian.subject());
            statement.setString(3, guardian.name());
            statement.setString(4, guardian.relation());
            statement.setString(5, guardian.phone());
            return statement.executeUpdate();
        });
    }

    /**
     * Enrols the child at a childcare institution of its own tenant from {@code on}, ending any other current
     * enrolment the day before; enrolling again where the child already attends changes nothing. Returns false
     * when the institution is not a nursery of the child's tenant.
     */
    @Transactional
    public boolean enroll(long childId, long institutionId, LocalDate on) {
        boolean nursery = jdbc.prepareStatement("""
                SELECT 1 FROM child c JOIN institution i ON i.tenant_id = c.tenant_id
                WHERE c.id = ? AND i.id = ? AND i.type IN ('NURSERY', 'KINDERGARTEN_NURSERY_CLASS', 'FAMILY_NURSERY')""",
                statement -> {
                    statement.setLong(1, childId);
                    statement.setLong(2, institutionId);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next();
                    }
                });
        if (!nursery) {
            return false;
        }
        jdbc.prepareStatement("""
                UPDATE child_enrollment SET left_on = greatest(enrolled_on, ?::date - 1)
                WHERE child_id = ? AND left_on IS NULL AND institution_id <> ?""", statement -> {
            statement.setDate(1, Date.valueOf(on));
            statement.setLong(2, childId);
            statement.setLong(3, institutionId);
            return statement.executeUpdate();
        });
        jdbc.prepareStatement("""
                INSERT INTO child_enrollment (child_id, institution_id, enrolled_on)
                SELECT ?, ?, ? WHERE NOT EXISTS (
                    SELECT 1 FROM child_enrollment WHERE child_id = ? AND institution_id = ? AND left_on IS NULL)""",
                statement -> {
                    statement.setLong(1, childId);
                    statement.setLong(2, institutionId);
                    statement.setDate(3, Date.valueOf(on));
                    statement.setLong(4, childId);
                    statement.setLong(5, institutionId);
                    return statement.executeUpdate();
                });
        return true;
    }

    private static void scoped(StringBuilder sql, List<Object> args, ChildScope scope) {
        if (scope.tenantId() != null) {
            sql.append(" AND c.tenant_id = ?");
            args.add(scope.tenantId());
        }
        if (scope.nurseryId() != null) {
            sql.append(" AND e.institution_id = ?");
            args.add(scope.nurseryId());
        }
        if (scope.guardian() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM child_guardian g WHERE g.child_id = c.id AND g.subject = ?)");
            args.add(scope.guardian());
        }
    }

    private List<Child> query(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            List<Child> children = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    children.add(child(rows));
                }
            }
            return children;
        });
    }

    private static Child child(ResultSet row) throws SQLException {
        long nursery = row.getLong(7);
        Long nurseryId = row.wasNull() ? null : nursery;
        Date enrolled = row.getDate(8);
        return new Child(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getDate(5).toLocalDate(), Gender.valueOf(row.getString(6)), nurseryId,
                enrolledOn(enrolled));
    }

    @Nullable
    private static LocalDate enrolledOn(@Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
