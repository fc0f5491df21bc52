package org.smartcare.graphql;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.smartcare.care.Elder;
import org.smartcare.care.ElderData;
import org.smartcare.care.FamilyLinks;
import org.smartcare.care.Institution;
import org.smartcare.care.PartnerConsents;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.GraphQLWsClient;
import org.smartcare.support.Resources;

/**
 * Every query root and every sensitive field as every role, from the table in privacy/matrix.psv: allowed,
 * masked or refused, and a second tenant whose data never appears. The world is built through the real broker
 * and the real database.
 */
@MicronautTest(environments = "test", transactional = false)
class PrivacyMatrixIT {

    private static final String DOC = "graphql/privacy-matrix.graphql";

    @Inject Api api;
    @Inject Fixtures fixtures;
    @Inject FamilyLinks familyLinks;
    @Inject PartnerConsents consents;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;

    /** Label -> global id, and role -> token, for one built world. */
    private record Matrix(Map<String, String> ids, Map<String, String> tokens, Instant since) {
    }

    @TestFactory
    Stream<DynamicTest> everyRowOfTheMatrixHolds() throws Exception {
        Matrix matrix = build();
        return Resources.text("privacy/matrix.psv").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> DynamicTest.dynamicTest(line.replaceAll("\\s+", " "), () -> check(matrix, line)));
    }

    private Matrix build() throws Exception {
        Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        World a = fixtures.world();
        World b = fixtures.world();
        String tag = a.tenant().substring(3);
        Elder e2 = fixtures.elder(a.tenant(), a.institution().id(), "李德明" + tag, "421303194501010021");
        IssuedDevice d2 = fixtures.device(a.tenant(), "btn2-" + tag, DeviceType.SOS_BUTTON, e2.id());

        familyLinks.link(a.tenant(), "it-family", a.elder().id(), "女儿");
        consents.grant(a.tenant(), "it-partner", a.elder().id(), EnumSet.of(ElderData.ALERTS, ElderData.DEVICES),
                since.minus(Duration.ofHours(1)), null);
        consents.grant(a.tenant(), "it-partner", e2.id(), EnumSet.allOf(ElderData.class),
                since.minus(Duration.ofHours(2)), null);
        consents.revoke(a.tenant(), "it-partner", e2.id(), since.minus(Duration.ofMinutes(30)));

        press(a.buttonId(), a.button().secret());
        press(d2.device().id(), d2.secret());
        press(b.buttonId(), b.button().secret());

        Map<String, String> ids = new HashMap<>();
        ids.put("E1", GlobalId.encode("Elder", a.elder().id()));
        ids.put("E2", GlobalId.encode("Elder", e2.id()));
        ids.put("EB", GlobalId.encode("Elder", b.elder().id()));
        ids.put("D1", GlobalId.encode("Device", a.buttonId()));
        ids.put("D2", GlobalId.encode("Device", d2.device().id()));
        ids.put("DB", GlobalId.encode("Device", b.buttonId()));
        ids.put("A1", GlobalId.encode("Alert", alertOf(a.buttonId())));
        ids.put("A2", GlobalId.encode("Alert", alertOf(d2.device().id())));
        ids.put("AB", GlobalId.encode("Alert", alertOf(b.buttonId())));
        String operatorA = api.token(Role.OPERATOR, a.tenant());
        String operatorB = api.token(Role.OPERATOR, b.tenant());
        ids.put("O1", order(operatorA, a.elder().id(), a.institution().id(), since, "m1"));
        ids.put("O2", order(operatorA, e2.id(), a.institution().id(), since, "m2"));
        ids.put("OB", order(operatorB, b.elder().id(), b.institution().id(), since, "mb"));

        Institution nursery = fixtures.nursery(a.tenant(), "NU-" + tag);
        database.execute("UPDATE institution SET opens_at = '00:00', closes_at = '23:59:59' WHERE id = "
                + nursery.id()); // open whenever the test runs
        Institution nurseryB = fixtures.nursery(b.tenant(), "NU-B");
        IssuedDevice camera = fixtures.cameraAt(a.tenant(), "cam-" + tag, nursery.id());
        ids.put("C1", GlobalId.encode("Child", fixtures.child(a.tenant(), "刘小雨", "421303202501010029", nursery.id(),
                "it-family").id()));
        ids.put("C2", GlobalId.encode("Child", fixtures.child(a.tenant(), "陈小乐", "421303202502020038", nursery.id(),
                "it-other-family").id()));
        ids.put("CB", GlobalId.encode("Child", fixtures.child(b.tenant(), "赵小满", "421303202503030047", nurseryB.id(),
                "it-family").id()));
        ids.put("K1", GlobalId.encode("Device", camera.device().id()));
        ids.put("N1", GlobalId.encode("Institution", nursery.id()));

        Map<String, String> tokens = new HashMap<>();
        tokens.put("NURSERY_STAFF", api.staffToken(a.tenant(), nursery.id()));
        tokens.put("ADMIN", api.token(Role.ADMIN, null));
        tokens.put("OPERATOR", operatorA);
        tokens.put("INSTITUTION_STAFF", api.staffToken(a.tenant(), a.institution().id()));
        tokens.put("FAMILY", api.token(Role.FAMILY, a.tenant()));
        tokens.put("PARTNER", api.token(Role.PARTNER, a.tenant()));
        tokens.put("OPERATOR_B", operatorB);
        return new Matrix(ids, tokens, since);
    }

    @Test
    void aSubscriptionDeliversOnlyAlertsOfLinkedOrConsentingEldersAndStopsWhenConsentIsRevoked() throws Exception {
        World a = fixtures.world();
        World b = fixtures.world();
        String tag = a.tenant().substring(3);
        Elder e2 = fixtures.elder(a.tenant(), a.institution().id(), "李德明" + tag, "421303194501010021");
        IssuedDevice d2 = fixtures.device(a.tenant(), "btn2-" + tag, DeviceType.SOS_BUTTON, e2.id());
        IssuedDevice second = fixtures.device(a.tenant(), "btn3-" + tag, DeviceType.SOS_BUTTON, a.elder().id());
        familyLinks.link(a.tenant(), "it-family", a.elder().id(), "儿子");
        consents.grant(a.tenant(), "it-partner", a.elder().id(), EnumSet.of(ElderData.ALERTS),
                Instant.now().minusSeconds(60), null);
        String subscription = Resources.text("graphql/alert-raised.graphql");
        try (GraphQLWsClient family = new GraphQLWsClient(api.wsUri());
             GraphQLWsClient partner = new GraphQLWsClient(api.wsUri())) {
            for (var pair : Map.of(family, Role.FAMILY, partner, Role.PARTNER).entrySet()) {
                pair.getKey().init(api.token(pair.getValue(), a.tenant()));
                assertEquals("connection_ack", pair.getKey().next(Duration.ofSeconds(5)).path("type").asText());
                pair.getKey().subscribe("1", subscription, Map.of());
            }
            Thread.sleep(200); // let the subscriptions register before pressing
            press(d2.device().id(), d2.secret());
            press(b.buttonId(), b.button().secret());
            press(a.buttonId(), a.button().secret());
            for (GraphQLWsClient client : java.util.List.of(family, partner)) {
                JsonNode next = client.next(Duration.ofSeconds(10));
                assertNotNull(next, "the linked elder's alert arrives");
                assertEquals(a.buttonId(), next.at("/payload/data/alertRaised/device/deviceId").asText(), next.toString());
            }

            consents.revoke(a.tenant(), "it-partner", a.elder().id(), Instant.now());
            press(second.device().id(), second.secret());
            JsonNode next = family.next(Duration.ofSeconds(10));
            assertNotNull(next, "the family member still hears of the elder");
            assertEquals(second.device().id(), next.at("/payload/data/alertRaised/device/deviceId").asText());
            assertNull(partner.next(Duration.ofSeconds(2)), "a revoked consent stops the subscription's deliveries");
            assertNull(family.next(Duration.ofMillis(500)), "nothing of the other elder or tenant");
        }
    }

    @Test
    void operatorsRecordFamilyLinksAndConsentsThatOpenAndCloseAccess() {
        World a = fixtures.world();
        World b = fixtures.world();
        String elder = GlobalId.encode("Elder", a.elder().id());
        String operator = api.token(Role.OPERATOR, a.tenant());
        String family = api.tokenOf("it-fam-" + a.tenant(), Role.FAMILY, a.tenant());
        String partner = api.tokenOf("it-app-" + a.tenant(), Role.PARTNER, a.tenant());
        Map<String, Object> link = Map.of("elder", elder, "subject", "it-fam-" + a.tenant());
        Map<String, Object> consent = Map.of("elder", elder, "partner", "it-app-" + a.tenant(),
                "scopes", java.util.List.of("ALERTS"));

        assertTrue(sees(family, elder).isNull(), "not linked yet");
        assertEquals("true", readers(operator, "Link", link).path("changed").asText());
        assertEquals("false", readers(operator, "Link", link).path("changed").asText(), "linking twice changes nothing");
        assertEquals(elder, sees(family, elder).path("id").asText());
        assertEquals("true", readers(operator, "Unlink", link).path("changed").asText());
        assertTrue(sees(family, elder).isNull(), "unlinked: nothing from the next request on");

        assertEquals("true", readers(operator, "Grant", Map.of("input", consent)).path("changed").asText());
        assertEquals(elder, sees(partner, elder).path("id").asText());
        assertEquals("true", readers(operator, "Revoke", Map.of("elder", elder, "partner", "it-app-" + a.tenant()))
                .path("changed").asText());
        assertTrue(sees(partner, elder).isNull(), "a revoked consent closes access");

        assertEquals("NOT_FOUND", readers(api.token(Role.OPERATOR, b.tenant()), "Link", link).at("/error/code").asText(),
                "another tenant's elder does not exist for them");
        for (String token : java.util.List.of(family, partner, api.staffToken(a.tenant(), a.institution().id()))) {
            assertEquals("FORBIDDEN", readers(token, "Grant", Map.of("input", consent)).at("/error/code").asText());
        }
        Map<String, Object> empty = Map.of("elder", elder, "partner", "x", "scopes", java.util.List.of());
        assertEquals("INVALID_INPUT", readers(operator, "Grant", Map.of("input", empty)).at("/error/code").asText());
        Map<String, Object> backwards = Map.of("elder", elder, "partner", "x", "scopes", java.util.List.of("ORDERS"),
                "from", "2026-02-01T00:00:00Z", "until", "2026-01-01T00:00:00Z");
        assertEquals("INVALID_INPUT", readers(operator, "Grant", Map.of("input", backwards)).at("/error/code").asText());
    }

    private JsonNode readers(String token, String operation, Map<String, Object> variables) {
        JsonNode answer = api.operation(token, "readers.graphql", operation, variables);
        assertTrue(answer.path("errors").isMissingNode(), answer.toString());
        return answer.path("data").elements().next();
    }

    private JsonNode sees(String token, String elder) {
        return api.operation(token, "readers.graphql", "Elder", Map.of("id", elder)).at("/data/node");
    }

    private void check(Matrix matrix, String line) throws IOException {
        String[] cells = line.split("\\|");
        assertEquals(5, cells.length, "a row has five cells: " + line);
        String operation = cells[0].trim();
        String idLabel = cells[1].trim();
        String role = cells[2].trim();
        String expectation = cells[4].trim();
        Map<String, Object> variables = new HashMap<>();
        variables.put("since", matrix.since().toString());
        variables.put("until", matrix.since().plus(Duration.ofDays(1)).toString());
        if (!idLabel.equals("-")) {
            variables.put("id", assertLabel(matrix, idLabel));
        }
        String body = Api.JSON.writeValueAsString(Map.of("query", Resources.text(DOC), "operationName", operation,
                "variables", variables));
        HttpResponse<String> response = api.post(role.equals("ANONYMOUS") ? null : matrix.tokens().get(role),
                Api.GRAPHQL_RESPONSE, body);
        if (expectation.equals("401")) {
            assertEquals(401, response.statusCode(), response.body());
            return;
        }
        assertEquals(200, response.statusCode(), response.body());
        Set<String> seen = labelsIn(matrix, response.body());
        if (expectation.equals("FORBIDDEN")) {
            assertTrue(response.body().contains("\"FORBIDDEN\""), response.body());
            assertEquals(Set.of(), seen, "a refusal shows nothing: " + response.body());
            return;
        }
        if (expectation.startsWith("sees ")) {
            Set<String> expected = new TreeSet<>(Set.of(expectation.substring(5).trim().split("\\s+")));
            expected.remove("-");
            assertEquals(expected, seen, response.body());
            assertTrue(!response.body().contains("\"errors\""), response.body());
            return;
        }
        JsonNode json = Api.JSON.readTree(response.body());
        pointer(json, expectation, response.body());
        if (!role.startsWith("OPERATOR_B")) {
            assertTrue(seen.stream().noneMatch(label -> label.endsWith("B")), "tenant B leaked: " + response.body());
        }
    }

    private static void pointer(JsonNode json, String expectation, String body) {
        String[] parts = expectation.split(" ", 3);
        assertEquals(3, parts.length, "pointer expectations read '/path op value': " + expectation);
        JsonNode value = json.at(parts[0]);
        switch (parts[1]) {
            case "=" -> {
                if (parts[2].equals("null")) {
                    assertTrue(value.isNull(), parts[0] + " should be null: " + body);
                } else {
                    assertEquals(parts[2], value.asText(), body);
                }
            }
            case ">=" -> assertTrue(value.asLong() >= Long.parseLong(parts[2]), body);
            case "~" -> assertTrue((value.isValueNode() ? value.asText() : value.toString()).matches(parts[2]),
                    parts[0] + " should match " + parts[2] + ": " + body);
            default -> throw new AssertionError("unknown operator in " + expectation);
        }
    }

    private static Set<String> labelsIn(Matrix matrix, String body) {
        Set<String> seen = new TreeSet<>();
        matrix.ids().forEach((label, id) -> {
            if (body.contains("\"" + id + "\"")) {
                seen.add(label);
            }
        });
        return seen;
    }

    private static String assertLabel(Matrix matrix, String label) {
        String id = matrix.ids().get(label);
        assertNotNull(id, "unknown label " + label);
        return id;
    }

    private void press(String deviceId, String secret) throws Exception {
        try (DeviceClient button = new DeviceClient(broker, deviceId, secret)) {
            assertEquals(0, button.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq())));
        }
    }

    private long alertOf(String deviceId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> database.alertsOf(deviceId) == 1);
        return database.count("SELECT id FROM alert WHERE device_id = ?", deviceId);
    }

    private String order(String operator, long elderId, long institutionId, Instant since, String key) {
        Map<String, Object> input = new HashMap<>();
        input.put("type", "BATH");
        input.put("elder", GlobalId.encode("Elder", elderId));
        input.put("institution", GlobalId.encode("Institution", institutionId));
        input.put("scheduledStart", since.plus(Duration.ofHours(1)).toString());
        input.put("scheduledEnd", since.plus(Duration.ofHours(2)).toString());
        input.put("priceFen", 5000);
        input.put("subsidyFen", 3000);
        input.put("idempotencyKey", key);
        JsonNode created = api.operation(operator, "service-orders.graphql", "Create", Map.of("input", input));
        String id = created.at("/data/createServiceOrder/order/id").asText();
        assertTrue(!id.isEmpty(), created.toString());
        return id;
    }
}
