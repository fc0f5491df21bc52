package org.smartcare.childcare;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.smartcare.alert.OpeningHours;

/**
 * Decides whether a guardian may watch a nursery camera now and, if so, records the grant and signs a token
 * that lives a few minutes and never past closing time. Refusals are typed and record nothing.
 */
@Singleton
public class CameraViewGrants {

    private static final String CAMERA = """
            SELECT d.type, i.id, i.type, i.opens_at, i.closes_at, i.time_zone,
                   (SELECT c.id FROM child c
                    JOIN child_guardian g ON g.child_id = c.id AND g.subject = ?
                    JOIN child_enrollment e ON e.child_id = c.id AND e.institution_id = i.id
                    WHERE c.tenant_id = d.tenant_id AND e.enrolled_on <= (?::timestamptz AT TIME ZONE i.time_zone)::date
                      AND (e.left_on IS NULL OR e.left_on >= (?::timestamptz AT TIME ZONE i.time_zone)::date)
                    ORDER BY c.id LIMIT 1) AS child_id
            FROM device d LEFT JOIN institution i ON i.id = d.institution_id
            WHERE d.id = ? AND d.tenant_id = ? AND d.revoked_at IS NULL""";

    private static final Set<String> CHILDCARE = Set.of("NURSERY", "KINDERGARTEN_NURSERY_CLASS", "FAMILY_NURSERY");

    private final JdbcOperations jdbc;
    private final GrantSigner signer;
    private final CameraGrantSettings settings;

    CameraViewGrants(JdbcOperations jdbc, GrantSigner signer, CameraGrantSettings settings) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.settings = settings;
    }

    @Transactional
    public GrantResult issue(String tenantId, String subject, String cameraId, Instant now) {
        return jdbc.prepareStatement(CAMERA, statement -> {
            Timestamp at = Timestamp.from(now);
            statement.setString(1, subject);
            statement.setTimestamp(2, at);
            statement.setTimestamp(3, at);
            statement.setString(4, cameraId);
            statement.setString(5, tenantId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return refused(GrantRefusal.NOT_FOUND, "no camera " + cameraId);
                }
                return decide(row, tenantId, subject, cameraId, now);
            }
        });
    }

    private GrantResult decide(ResultSet row, String tenantId, String subject, String cameraId, Instant now)
            throws java.sql.SQLException {
        String institutionType = row.getString(3);
        if (!"NURSERY_CAMERA".equals(row.getString(1)) || !CHILDCARE.contains(String.valueOf(institutionType))) {
            return refused(GrantRefusal.NOT_A_NURSERY_CAMERA, cameraId + " is not a nursery camera");
        }
        long childId = row.getLong(7);
        if (row.wasNull()) {
            return refused(GrantRefusal.NOT_A_GUARDIAN, "no child of yours attends this camera's nursery");
        }
        OpeningHours hours = new OpeningHours(row.getTime(4).toLocalTime(), row.getTime(5).toLocalTime(),
                ZoneId.of(row.getString(6)));
        if (!hours.isOpenAt(now)) {
            return refused(GrantRefusal.OUTSIDE_OPENING_HOURS, "the nursery is open from " + hours.opens() + " to "
                    + hours.closes() + " (" + hours.zone() + ")");
        }
        Instant closing = now.atZone(hours.zone()).with(hours.closes()).toInstant();
        Instant expires = now.plus(settings.getTtl()).isAfter(closing) ? closing : now.plus(settings.getTtl());
        UUID id = UUID.randomUUID();
        long nurseryId = row.getLong(2);
        record(id, tenantId, subject, cameraId, nurseryId, childId, now, expires);
        return new GrantResult.Granted(id, signer.sign(id, cameraId, expires), cameraId, childId, nurseryId, expires);
    }

    private void record(UUID id, String tenantId, String subject, String cameraId, long nurseryId, long childId,
                        Instant issued, Instant expires) {
        jdbc.prepareStatement("""
                INSERT INTO camera_view_grant (id, tenant_id, subject, camera_id, institution_id, child_id, issued_at,
                                               expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setObject(1, id);
            statement.setString(2, tenantId);
            statement.setString(3, subject);
            statement.setString(4, cameraId);
            statement.setLong(5, nurseryId);
            statement.setLong(6, childId);
            statement.setTimestamp(7, Timestamp.from(issued));
            statement.setTimestamp(8, Timestamp.from(expires));
            return statement.executeUpdate();
        });
    }

    private static GrantResult refused(GrantRefusal code, String message) {
        return new GrantResult.Refused(code, message);
    }
}
