package org.smartcare.childcare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcare.care.Institution;
import org.smartcare.graphql.GlobalId;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.Database;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/**
 * A guardian receives a short-lived signed camera token only for their child's nursery and only while it is
 * open; every grant is recorded and audited; everyone else gets a typed refusal.
 */
@MicronautTest(environments = "test", transactional = false)
class CameraViewGrantIT {

    private static final String DOC = "graphql/privacy-matrix.graphql";

    @Inject Api api;
    @Inject Fixtures fixtures;
    @Inject Database database;
    @Inject GrantSigner signer;

    @Test
    void aGuardianGetsASignedTokenThatEndsSoonAndIsRecordedAndAudited() {
        World world = fixtures.world();
        Institution nursery = openAllDay(fixtures.nursery(world.tenant(), "NU-G"));
        String camera = fixtures.cameraAt(world.tenant(), "cam-g-" + world.tenant().substring(3), nursery.id())
                .device().id();
        String guardian = "it-guardian-" + world.tenant();
        Child child = fixtures.child(world.tenant(), "孙小禾", "421303202404040056", nursery.id(), guardian);

        Instant before = Instant.now();
        JsonNode grant = grant(api.tokenOf(guardian, Role.FAMILY, world.tenant()), camera).path("grant");
        String token = grant.path("token").asText();
        assertTrue(signer.verifies(token), token);
        assertFalse(signer.verifies(token.substring(0, token.length() - 2) + "AA"), "a changed MAC does not verify");
        Instant expires = Instant.parse(grant.path("expiresAt").asText());
        assertTrue(expires.isAfter(before) && !expires.isAfter(Instant.now().plus(Duration.ofMinutes(5))),
                "a few minutes at most: " + expires);
        assertEquals(GlobalId.encode("Child", child.id()), grant.at("/child/id").asText());

        assertEquals(1, database.count("SELECT count(*) FROM camera_view_grant WHERE subject = ? AND camera_id = ?",
                guardian, camera));
        assertEquals(1, database.count("SELECT count(*) FROM personal_data_read WHERE subject = ? AND data_subject_kind"
                + " = 'CHILD' AND data_subject_id = ? AND operation = 'cameraViewGrant'", guardian, child.id()));
    }

    @Test
    void aTokenNeverOutlivesTheNurserysOpeningHours() {
        java.time.LocalTime local = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        org.junit.jupiter.api.Assumptions.assumeTrue(local.isBefore(java.time.LocalTime.of(23, 50)),
                "needs a closing time later today");
        World world = fixtures.world();
        Institution nursery = fixtures.nursery(world.tenant(), "NU-L");
        java.time.LocalTime closes = local.plusMinutes(2).withNano(0);
        database.execute("UPDATE institution SET opens_at = '00:00', closes_at = '" + closes + "' WHERE id = "
                + nursery.id());
        String camera = fixtures.cameraAt(world.tenant(), "cam-l-" + world.tenant().substring(3), nursery.id())
                .device().id();
        String guardian = "it-guardian-l-" + world.tenant();
        fixtures.child(world.tenant(), "吴小桐", "421303202406060074", nursery.id(), guardian);

        JsonNode grant = grant(api.tokenOf(guardian, Role.FAMILY, world.tenant()), camera).path("grant");
        Instant expires = Instant.parse(grant.path("expiresAt").asText());
        Instant closing = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).atTime(closes)
                .atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        assertEquals(closing, expires, "five minutes would run past closing time");
    }

    @Test
    void everyoneElseIsRefusedWithAReason() {
        World world = fixtures.world();
        World elsewhere = fixtures.world();
        String tag = world.tenant().substring(3);
        Institution open = openAllDay(fixtures.nursery(world.tenant(), "NU-O"));
        Institution closed = fixtures.nursery(world.tenant(), "NU-C");
        database.execute("UPDATE institution SET opens_at = '00:00', closes_at = '00:00' WHERE id = " + closed.id());
        String openCamera = fixtures.cameraAt(world.tenant(), "cam-o-" + tag, open.id()).device().id();
        String closedCamera = fixtures.cameraAt(world.tenant(), "cam-c-" + tag, closed.id()).device().id();
        String guardian = "it-guardian-" + tag;
        fixtures.child(world.tenant(), "周小安", "421303202405050065", closed.id(), guardian);
        String family = api.tokenOf(guardian, Role.FAMILY, world.tenant());

        assertEquals("OUTSIDE_OPENING_HOURS", code(grant(family, closedCamera)));
        assertEquals("NOT_A_GUARDIAN", code(grant(family, openCamera)), "their child attends another nursery");
        assertEquals("NOT_A_NURSERY_CAMERA", code(grant(family, world.buttonId())));
        assertEquals("NOT_FOUND", code(grant(api.tokenOf(guardian, Role.FAMILY, elsewhere.tenant()), closedCamera)),
                "another tenant's camera does not exist for them");
        for (Role role : new Role[] {Role.OPERATOR, Role.PARTNER}) {
            assertEquals("FORBIDDEN", code(grant(api.token(role, world.tenant()), openCamera)), role.name());
        }
        assertEquals(0, database.count("SELECT count(*) FROM camera_view_grant WHERE tenant_id = ?", world.tenant()),
                "a refusal records no grant");
    }

    private Institution openAllDay(Institution nursery) {
        database.execute("UPDATE institution SET opens_at = '00:00', closes_at = '23:59:59' WHERE id = " + nursery.id());
        return nursery;
    }

    private JsonNode grant(String token, String cameraId) {
        JsonNode answer = api.operation(token, DOC.substring("graphql/".length()), "CameraViewGrant",
                Map.of("id", GlobalId.encode("Device", cameraId)));
        assertTrue(answer.path("errors").isMissingNode(), answer.toString());
        return answer.at("/data/cameraViewGrant");
    }

    private static String code(JsonNode payload) {
        assertTrue(payload.path("grant").isNull(), payload.toString());
        return payload.at("/error/code").asText();
    }
}
