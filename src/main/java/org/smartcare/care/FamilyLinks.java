package org.smartcare.care;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Links between family members (FAMILY token subjects) and their elders. */
@Singleton
public class FamilyLinks {

    private final JdbcOperations jdbc;

    FamilyLinks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Links the family member to the elder of the same tenant; returns false when already linked. */
    @Transactional
    public boolean link(String tenantId, String subject, long elderId, String relation) {
        return jdbc.prepareStatement("""
                INSERT INTO family_link (tenant_id, subject, elder_id, relation)
                SELECT ?, ?, e.id, ? FROM elder e WHERE e.id = ? AND e.tenant_id = ?
                ON CONFLICT DO NOTHING""", statement -> {
            statement.setString(1, tenantId);
            statement.setString(2, subject);
            statement.setString(3, relation);
            statement.setLong(4, elderId);
            statement.setString(5, tenantId);
            return statement.executeUpdate() > 0;
        });
    }

    /** Removes the link; returns false when there was none. */
    @Transactional
    public boolean unlink(String tenantId, String subject, long elderId) {
        return jdbc.prepareStatement("DELETE FROM family_link WHERE tenant_id = ? AND subject = ? AND elder_id = ?",
                statement -> {
                    statement.setString(1, tenantId);
                    statement.setString(2, subject);
                    statement.setLong(3, elderId);
                    return statement.executeUpdate() > 0;
                });
    }
}
