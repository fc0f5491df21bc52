package org.smartcare.graphql;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/** The HTTP transport follows the GraphQL-over-HTTP spec; arguments are checked before any work. */
@MicronautTest(environments = "test", transactional = false)
class GraphQLOverHttpIT {

    @Inject Api api;
    @Inject Fixtures fixtures;
    @Inject Database database;
    @Inject org.smartcare.alert.AlertEngine engine;
    @Inject io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void getRunsQueriesButNeverMutations() {
        String token = api.token(Role.OPERATOR, "demo-city");
        assertEquals(200, api.get(token, "{ alerts(first: 1) { pageInfo { hasNextPage } } }").statusCode());
        HttpResponse<String> mutation = api.get(token, "mutation { acknowledgeAlert(id: \"x\") { id } }");
        assertEquals(405, mutation.statusCode());
        assertEquals("POST", mutation.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void requestErrorsAre400ForGraphQLResponseClientsAnd200ForLegacyOnes() {
        String token = api.token(Role.OPERATOR, "demo-city");
        String broken = "{\"query\":\"{ alerts(first: 1) { edges { \"}";
        HttpResponse<String> modern = api.post(token, Api.GRAPHQL_RESPONSE, broken);
        assertEquals(400, modern.statusCode());
        assertTrue(modern.body().contains("errors"));
        HttpResponse<String> legacy = api.post(token, "application/json", broken);
        assertEquals(200, legacy.statusCode());
        assertEquals(400, api.post(token, Api.GRAPHQL_RESPONSE, "{\"query\": {}}").statusCode());
        assertEquals(400, api.post(token, Api.GRAPHQL_RESPONSE,
                "{\"query\":\"{ alerts { edges { nosuchfield } } }\"}").statusCode());
    }

    @Test
    void pageSizeIsCappedWithAClearErrorBeforeExecution() throws Exception {
        HttpResponse<String> response = api.post(api.token(Role.OPERATOR, "demo-city"), Api.GRAPHQL_RESPONSE,
                Api.JSON.writeValueAsString(Map.of("query", org.smartcare.support.Resources.text("graphql/alert-board.graphql"),
                        "variables", Map.of("first", 101))));
        assertEquals(400, response.statusCode(), response.body());
        JsonNode body = Api.JSON.readTree(response.body());
        assertTrue(body.path("data").isMissingNode(), response.body());
        assertEquals("BAD_USER_INPUT", body.path("errors").path(0).path("extensions").path("code").asText());
        assertTrue(body.path("errors").path(0).path("message").asText().contains("between 1 and 100"));
    }

    @Test
    void batchesOfOperationsAreRefused() {
        HttpResponse<String> batch = api.post(api.token(Role.OPERATOR, "demo-city"), Api.GRAPHQL_RESPONSE,
                "[{\"query\":\"{ __typename }\"},{\"query\":\"{ __typename }\"}]");
        assertEquals(400, batch.statusCode(), batch.body());
        assertTrue(batch.body().contains("must be a JSON object"), batch.body());
    }

    @Test
    void aValidTokenWithoutASmartCareRoleIsForbidden() {
        HttpResponse<String> response = api.post(api.tokenWithRoles(java.util.List.of("VISITOR")),
                Api.GRAPHQL_RESPONSE, "{\"query\":\"{ __typename }\"}");
        assertEquals(403, response.statusCode(), response.body());
        assertEquals(Api.GRAPHQL_RESPONSE, response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void textWithANulCharacterIsBadInputNotADatabaseError() throws Exception {
        World world = fixtures.world();
        long alert = transactions.executeWrite(status -> engine.onEvent(new org.smartcare.alert.AlertTrigger(
                world.button().device(), org.smartcare.device.EventType.SOS_PRESS, DeviceClient.nextSeq(),
                java.time.Instant.now(), null))).getFirst();
        String token = api.token(Role.OPERATOR, world.tenant());
        // PostgreSQL cannot store NUL in text: unchecked, the note would fail deep in JDBC.
        JsonNode response = api.refused(token, "alert-workflow.graphql", "Note",
                Map.of("id", GlobalId.encode("Alert", alert), "note", "call\u0000back"));
        String body = response.toString();
        assertEquals("BAD_USER_INPUT", response.path("errors").path(0).path("extensions").path("code").asText(), body);
        assertTrue(response.path("errors").path(0).path("message").asText().contains("NUL"), body);
        for (String leak : java.util.List.of("SQL", "PSQL", "INSERT", "Exception", "at org.", "at java.")) {
            assertTrue(!body.contains(leak), "the answer leaks '" + leak + "': " + body);
        }
        assertEquals(0, database.count("SELECT count(*) FROM alert_transition WHERE alert_id = ? AND note LIKE 'call%'",
                alert));
        HttpResponse<String> literal = api.post(token, Api.GRAPHQL_RESPONSE, Api.JSON.writeValueAsString(Map.of("query",
                "mutation { addAlertNote(id: \"" + GlobalId.encode("Alert", alert) + "\", note: \"a\\u0000b\") { error { code } } }")));
        assertEquals(400, literal.statusCode(), literal.body());
        assertTrue(literal.body().contains("NUL"), literal.body());
    }

    @Test
    void cursorsPageThroughTheBoardNewestFirst() throws Exception {
        World world = fixtures.world();
        // Three buttons: repeats from one button would fold into its one open alert.
        java.util.List<org.smartcare.device.DeviceRegistration.IssuedDevice> buttons = java.util.List.of(
                world.button(), fixtures.device(world.tenant(), world.buttonId() + "-b", org.smartcare.device.DeviceType.SOS_BUTTON,
                        world.elder().id()), fixtures.device(world.tenant(), world.buttonId() + "-c",
                        org.smartcare.device.DeviceType.SOS_BUTTON, world.elder().id()));
        for (var issued : buttons) {
            try (DeviceClient button = new DeviceClient(broker, issued.device().id(), issued.secret())) {
                button.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq()));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "SELECT count(*) FROM alert WHERE tenant_id = ?", world.tenant()) == 3);
        String token = api.token(Role.OPERATOR, world.tenant());
        JsonNode first = api.query(token, "alert-board.graphql", Map.of("first", 2)).path("data").path("alerts");
        assertEquals(2, first.path("edges").size());
        assertTrue(first.path("pageInfo").path("hasNextPage").asBoolean());
        JsonNode second = api.query(token, "alert-board.graphql",
                Map.of("first", 2, "after", first.path("pageInfo").path("endCursor").asText())).path("data").path("alerts");
        assertEquals(1, second.path("edges").size());
        assertTrue(!second.path("pageInfo").path("hasNextPage").asBoolean());
        assertNotEquals(first.path("edges").path(1).path("node").path("id"), second.path("edges").path(0).path("node").path("id"));
        JsonNode garbage = api.query(token, "alert-board.graphql", Map.of("first", 2, "after", "bm90LWEtY3Vyc29y"));
        assertEquals("BAD_USER_INPUT", garbage.path("errors").path(0).path("extensions").path("code").asText());
    }
}
