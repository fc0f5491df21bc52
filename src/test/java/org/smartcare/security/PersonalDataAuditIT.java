package org.smartcare.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.care.ElderData;
import org.smartcare.graphql.GlobalId;
import org.smartcare.support.Api;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.GraphQLWsClient;
import org.smartcare.support.Resources;

/** Every read of personal data leaves one audit row per person and request; no audit, no answer. */
@MicronautTest(environments = "test", transactional = false)
class PersonalDataAuditIT {

    @Inject Api api;
    @Inject Fixtures fixtures;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void anOperatorsReadIsRecordedOncePerElderWithTheFieldsShown() {
        World world = fixtures.world();
        String reader = "it-op-" + UUID.randomUUID();
        JsonNode answer = api.operation(api.tokenOf(reader, Role.OPERATOR, world.tenant()), "elder-detail.graphql",
                "ElderDetail", Map.of("id", elderId(world)));
        assertEquals("13907221001", answer.at("/data/node/phone").asText(), answer.toString());

        List<JsonNode> reads = readsBy(reader);
        assertEquals(1, reads.size(), reads.toString());
        JsonNode read = reads.getFirst();
        assertEquals("OPERATOR", read.path("role").asText());
        assertEquals(world.tenant(), read.path("tenant").asText());
        assertEquals("ELDER", read.path("dataSubjectKind").asText());
        assertEquals(elderId(world), read.path("dataSubjectId").asText());
        assertEquals("ElderDetail", read.path("operation").asText());
        assertEquals(List.of("Elder.address", "Elder.name", "Elder.nationalId", "Elder.phone", "EmergencyContact.name",
                        "EmergencyContact.phone"),
                texts(read.path("fields")));
        assertEquals(List.of(), texts(read.path("maskedFields")));
    }

    @Test
    void aPartnersMaskedReadIsRecordedAsMasked() {
        World world = fixtures.world();
        String reader = "it-partner-" + UUID.randomUUID();
        fixtures.partnerConsent(reader, world.tenant(), world.elder().id(), ElderData.ALERTS);
        JsonNode answer = api.operation(api.tokenOf(reader, Role.PARTNER, world.tenant()), "elder-detail.graphql",
                "ElderDetail", Map.of("id", elderId(world)));
        assertFalse(answer.at("/data/node/phone").asText().equals("13907221001"), answer.toString());

        JsonNode read = readsBy(reader).getFirst();
        assertEquals(texts(read.path("fields")), texts(read.path("maskedFields")));
        assertTrue(texts(read.path("fields")).contains("Elder.nationalId"), read.toString());
    }

    @Test
    void aRequestWithoutPersonalFieldsLeavesNoRow() {
        World world = fixtures.world();
        String reader = "it-op-" + UUID.randomUUID();
        api.operation(api.tokenOf(reader, Role.OPERATOR, world.tenant()), "elder-detail.graphql",
                "ElderWithoutPersonalFields", Map.of("id", elderId(world)));
        assertEquals(List.of(), readsBy(reader));
    }

    @Test
    void oneRowPerElderPerRequestWhateverTheSelection() {
        World one = fixtures.world();
        World two = fixtures.world();
        String reader = "it-admin-" + UUID.randomUUID();
        api.operation(api.tokenOf(reader, Role.ADMIN, null), "elder-detail.graphql", "TwoElders",
                Map.of("a", elderId(one), "b", elderId(two)));

        List<JsonNode> reads = readsBy(reader);
        assertEquals(2, reads.size(), reads.toString());
        JsonNode ofOne = byElder(reads, elderId(one));
        assertEquals(List.of("Elder.nationalId", "Elder.phone"), texts(ofOne.path("fields")));
        assertEquals(List.of("Elder.phone"), texts(byElder(reads, elderId(two)).path("fields")));
        assertTrue(ofOne.path("tenant").isNull());
    }

    @Test
    void aCaregiversPhoneIsAuditedUnderTheCaregiver() {
        World world = fixtures.world();
        long caregiver = fixtures.caregiver(world.tenant(), world.institution().id(), "护理员" + UUID.randomUUID(), null)
                .id();
        String id = GlobalId.encode("Caregiver", caregiver);
        api.operation(api.tokenOf("it-op-" + UUID.randomUUID(), Role.OPERATOR, world.tenant()), "elder-detail.graphql",
                "CaregiverPhone", Map.of("id", id));

        JsonNode page = api.query(api.token(Role.ADMIN, null), "personal-data-reads.graphql",
                Map.of("filter", Map.of("caregiverId", id))).at("/data/personalDataReads/edges");
        assertEquals(1, page.size(), page.toString());
        assertEquals("CAREGIVER", page.at("/0/node/dataSubjectKind").asText());
        assertEquals(List.of("Caregiver.phone"), texts(page.at("/0/node/fields")));
        JsonNode both = api.query(api.token(Role.ADMIN, null), "personal-data-reads.graphql",
                Map.of("filter", Map.of("caregiverId", id, "elderId", elderId(world))));
        assertEquals("BAD_USER_INPUT", both.at("/errors/0/extensions/code").asText(), both.toString());
    }

    @Test
    void aGuardiansReadOfTheirChildIsAuditedUnderTheChild() {
        World world = fixtures.world();
        String guardian = "it-guardian-" + UUID.randomUUID();
        var nursery = fixtures.nursery(world.tenant(), "NU-" + UUID.randomUUID().toString().substring(0, 6));
        var child = fixtures.child(world.tenant(), "刘小宝", "421303202501010027", nursery.id(), guardian);
        String childId = GlobalId.encode("Child", child.id());
        JsonNode answer = api.operation(api.tokenOf(guardian, Role.FAMILY, world.tenant()), "elder-detail.graphql",
                "ChildDetail", Map.of("id", childId));
        assertEquals("刘小宝", answer.at("/data/child/name").asText(), answer.toString());

        JsonNode page = api.query(api.token(Role.ADMIN, null), "personal-data-reads.graphql",
                Map.of("filter", Map.of("childId", childId))).at("/data/personalDataReads/edges");
        assertEquals(1, page.size(), page.toString());
        JsonNode read = page.at("/0/node");
        assertEquals("CHILD", read.path("dataSubjectKind").asText());
        assertEquals(childId, read.path("dataSubjectId").asText());
        assertEquals(guardian, read.path("subject").asText());
        assertEquals("FAMILY", read.path("role").asText());
        assertEquals("ChildDetail", read.path("operation").asText());
        assertTrue(texts(read.path("fields")).containsAll(List.of("Child.name", "Child.nationalId", "Guardian.phone")),
                read.toString());
    }

    @Test
    void readsAreListedPerElderAndPageByPage() {
        World world = fixtures.world();
        String token = api.tokenOf("it-op-" + UUID.randomUUID(), Role.OPERATOR, world.tenant());
        for (int i = 0; i < 3; i++) {
            api.operation(token, "elder-detail.graphql", "ElderDetail", Map.of("id", elderId(world)));
        }
        String admin = api.token(Role.ADMIN, null);
        Map<String, Object> filter = Map.of("elderId", elderId(world));
        JsonNode first = api.query(admin, "personal-data-reads.graphql", Map.of("filter", filter, "first", 2))
                .at("/data/personalDataReads");
        assertEquals(2, first.path("edges").size(), first.toString());
        assertTrue(first.at("/pageInfo/hasNextPage").asBoolean());
        JsonNode rest = api.query(admin, "personal-data-reads.graphql", Map.of("filter", filter, "first", 2,
                "after", first.at("/pageInfo/endCursor").asText())).at("/data/personalDataReads");
        assertEquals(1, rest.path("edges").size(), rest.toString());
        assertFalse(rest.at("/pageInfo/hasNextPage").asBoolean());
        assertTrue(first.at("/edges/1/node/at").asText().compareTo(rest.at("/edges/0/node/at").asText()) >= 0,
                "newest first");
    }

    @Test
    void onlyAdministratorsMayReadTheAuditTrail() {
        World world = fixtures.world();
        for (Role role : List.of(Role.OPERATOR, Role.PARTNER, Role.FAMILY)) {
            JsonNode answer = api.query(api.token(role, world.tenant()), "personal-data-reads.graphql", Map.of());
            assertEquals("FORBIDDEN", answer.at("/errors/0/extensions/code").asText(), role + ": " + answer);
            assertTrue(answer.path("data").isNull(), answer.toString());
        }
    }

    @Test
    void whenTheAuditCannotBeWrittenTheAnswerIsWithheld() {
        refuseAuditRowsOf("it-audit-refused-");
        World world = fixtures.world();
        String reader = "it-audit-refused-" + UUID.randomUUID();
        String body = "{\"query\":" + Api.JSON.valueToTree(Resources.text("graphql/elder-detail.graphql"))
                + ",\"operationName\":\"ElderDetail\",\"variables\":{\"id\":\"" + elderId(world) + "\"}}";

        HttpResponse<String> response = api.post(api.tokenOf(reader, Role.OPERATOR, world.tenant()),
                Api.GRAPHQL_RESPONSE, body);

        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.body().contains("AUDIT_UNAVAILABLE"), response.body());
        assertFalse(response.body().contains("13907221001"), response.body());
        assertFalse(response.body().contains("\"data\""), response.body());
        assertFalse(response.body().contains("personal_data_read"), "no SQL leaks: " + response.body());
        // The same request without personal fields needs no audit and is still answered.
        String nameOnly = body.replace("ElderDetail\",", "ElderWithoutPersonalFields\",");
        assertEquals(200, api.post(api.tokenOf(reader, Role.OPERATOR, world.tenant()), Api.GRAPHQL_RESPONSE, nameOnly)
                .statusCode());
    }

    @Test
    void eachSubscriptionEventIsAuditedAndWithheldWhenItCannotBe() throws Exception {
        refuseAuditRowsOf("it-audit-refused-");
        World world = fixtures.world();
        String watcher = "it-watch-" + UUID.randomUUID();
        String refused = "it-audit-refused-" + UUID.randomUUID();
        try (GraphQLWsClient audited = subscribed(watcher, world);
             GraphQLWsClient unaudited = subscribed(refused, world);
             DeviceClient button = new DeviceClient(broker, world.buttonId(), world.button().secret())) {
            button.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq()));

            JsonNode event = audited.next(Duration.ofSeconds(10));
            assertEquals("13907221001", event.at("/payload/data/alertRaised/elder/phone").asText(), event.toString());
            JsonNode withheld = unaudited.next(Duration.ofSeconds(10));
            assertEquals("next", withheld.path("type").asText(), withheld.toString());
            assertEquals("AUDIT_UNAVAILABLE", withheld.at("/payload/errors/0/extensions/code").asText());
            assertFalse(withheld.toString().contains("13907221001"), withheld.toString());
        }
        JsonNode read = readsBy(watcher).getFirst();
        assertEquals("Watch", read.path("operation").asText());
        assertEquals(List.of("Elder.phone"), texts(read.path("fields")));
        assertEquals(elderId(world), read.path("dataSubjectId").asText());
    }

    private GraphQLWsClient subscribed(String subject, World world) throws InterruptedException {
        GraphQLWsClient ws = new GraphQLWsClient(api.wsUri());
        ws.init(api.tokenOf(subject, Role.OPERATOR, world.tenant()));
        assertEquals("connection_ack", ws.next(Duration.ofSeconds(5)).path("type").asText());
        ws.subscribe("1", Resources.text("graphql/alert-raised-phone.graphql"), Map.of());
        Thread.sleep(200); // let the subscription register before the press
        return ws;
    }

    /** A real database failure for one reader only: a trigger refusing their audit rows. */
    private void refuseAuditRowsOf(String subjectPrefix) {
        database.execute("""
                CREATE OR REPLACE FUNCTION it_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.subject LIKE '%s%%' THEN RAISE EXCEPTION 'audit store refuses %%', NEW.subject; END IF;
                  RETURN NEW;
                END $$""".formatted(subjectPrefix),
                "DROP TRIGGER IF EXISTS it_refuse_audit ON personal_data_read",
                "CREATE TRIGGER it_refuse_audit BEFORE INSERT ON personal_data_read "
                        + "FOR EACH ROW EXECUTE FUNCTION it_refuse_audit()");
    }

    private List<JsonNode> readsBy(String subject) {
        JsonNode answer = api.query(api.token(Role.ADMIN, null), "personal-data-reads.graphql",
                Map.of("filter", Map.of("subject", subject), "first", 100));
        List<JsonNode> nodes = new ArrayList<>();
        answer.at("/data/personalDataReads/edges").forEach(edge -> nodes.add(edge.path("node")));
        assertTrue(answer.path("errors").isMissingNode(), answer.toString());
        return nodes;
    }

    private static JsonNode byElder(List<JsonNode> reads, String elderId) {
        return reads.stream().filter(r -> r.path("dataSubjectId").asText().equals(elderId)).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String elderId(World world) {
        return GlobalId.encode("Elder", world.elder().id());
    }
}
