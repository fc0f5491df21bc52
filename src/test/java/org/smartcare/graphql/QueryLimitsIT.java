package org.smartcare.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.Resources;

/** Abusive operations are refused before they run. */
@MicronautTest(environments = "test", transactional = false)
class QueryLimitsIT {

    @Inject Api api;

    @Test
    void tooDeep() throws Exception {
        JsonNode response = refused("too-deep.graphql");
        assertTrue(response.path("errors").path(0).path("message").asText().contains("depth exceeded 13 > 12"));
    }

    @Test
    void tooCostly() throws Exception {
        JsonNode response = refused("too-costly.graphql");
        assertTrue(response.path("errors").path(0).path("message").asText().contains("complexity exceeded"));
    }

    @Test
    void tooManyAliases() throws Exception {
        JsonNode response = refused("too-many-aliases.graphql");
        assertEquals("BAD_USER_INPUT", response.path("errors").path(0).path("extensions").path("code").asText());
        assertTrue(response.path("errors").path(0).path("message").asText().contains("31 aliases"));
    }

    @Test
    void introspectionExemptFromDepthIsStillBoundedByGoodFaith() throws Exception {
        // Introspection-only operations skip depth and cost (the standard query is deeper than 12), so a
        // recursive one must be refused by graphql-java's good-faith check instead.
        JsonNode response = refused("bad-faith-introspection.graphql");
        assertTrue(response.path("errors").path(0).path("message").asText().contains("ntrospection"),
                response.toString());
    }

    @Test
    void introspectionDoesNotLiftTheLimitsOfTheDataBesideIt() throws Exception {
        JsonNode response = refused("too-deep-with-introspection.graphql");
        assertTrue(response.path("errors").path(0).path("message").asText().contains("depth exceeded"));
    }

    @Test
    void aNestedPageOverTheCapRefusesTheWholeOperationBeforeItRuns() throws Exception {
        JsonNode response = refused("nested-page-too-large.graphql");
        JsonNode error = response.path("errors").path(0);
        assertEquals("BAD_USER_INPUT", error.path("extensions").path("code").asText());
        assertTrue(error.path("message").asText().contains("events: first must be between 1 and 100, got 1000"),
                response.toString());
    }

    /** A refused operation is a request error: 400, errors and no data. */
    private JsonNode refused(String document) throws Exception {
        HttpResponse<String> response = api.post(token(), Api.GRAPHQL_RESPONSE,
                Api.JSON.writeValueAsString(Map.of("query", Resources.text("graphql/" + document))));
        assertEquals(400, response.statusCode(), response.body());
        JsonNode body = Api.JSON.readTree(response.body());
        assertTrue(body.path("data").isMissingNode() || body.path("data").isNull(), response.body());
        return body;
    }

    @Test
    void introspectionIsOnByDefault() {
        JsonNode response = api.query(token(), "introspection.graphql", Map.of());
        assertEquals("Query", response.path("data").path("__schema").path("queryType").path("name").asText());
    }

    private String token() {
        return api.token(Role.OPERATOR, "limits-" + Thread.currentThread().getId());
    }
}
