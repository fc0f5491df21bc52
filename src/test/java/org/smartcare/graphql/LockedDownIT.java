package org.smartcare.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.GraphQLWsClient;
import org.smartcare.support.Resources;

/** A production-like environment: no introspection, no GraphiQL, and a tight per-caller rate. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "smartcare.graphql.limits.introspection", value = "false")
@Property(name = "smartcare.graphiql.enabled", value = "false")
@Property(name = "smartcare.graphql.limits.requests-per-second", value = "1")
@Property(name = "smartcare.graphql.limits.burst", value = "3")
class LockedDownIT {

    @Inject Api api;

    @Test
    void introspectionAndGraphiqlAreOff() {
        HttpResponse<String> response = api.post(api.token(Role.ADMIN, null), Api.GRAPHQL_RESPONSE,
                "{\"query\":\"" + Resources.text("graphql/introspection.graphql").trim() + "\"}");
        assertTrue(response.body().contains("ntrospection"), response.body());
        assertTrue(!response.body().contains("\"Query\""), response.body());
        assertEquals(404, api.get(null, api.uri("/graphiql")).statusCode());
    }

    @Test
    void theRateAlsoHoldsOverGraphqlWs() throws InterruptedException {
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri())) {
            ws.init(api.token(Role.OPERATOR, "ws-rate-test"));
            assertEquals("connection_ack", ws.next(Duration.ofSeconds(5)).path("type").asText());
            for (int i = 0; i < 6; i++) {
                ws.subscribe("q" + i, "{ alerts(first: 1) { pageInfo { hasNextPage } } }", Map.of());
            }
            int limited = 0;
            for (JsonNode message = ws.next(Duration.ofSeconds(5)); message != null;
                 message = ws.next(Duration.ofSeconds(1))) {
                if (message.path("type").asText().equals("error")) {
                    assertEquals("RATE_LIMITED", message.path("payload").path(0).path("extensions").path("code").asText());
                    limited++;
                }
            }
            assertTrue(limited >= 2, "six operations at once against a burst of three: " + limited + " refused");
        }
    }

    @Test
    void aCallerOverTheRateIsToldToSlowDown() {
        String token = api.token(Role.OPERATOR, "rate-test");
        String body = "{\"query\":\"{ alerts(first: 1) { pageInfo { hasNextPage } } }\"}";
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = api.post(token, Api.GRAPHQL_RESPONSE, body);
            if (response.statusCode() == 429) {
                refused++;
                assertEquals("1", response.headers().firstValue("Retry-After").orElse(""));
            }
        }
        assertTrue(refused >= 2, "six requests at once against a burst of three: " + refused + " refused");
        assertEquals(200, api.post(api.token(Role.OPERATOR, "someone-else"), Api.GRAPHQL_RESPONSE, body).statusCode(),
                "other callers are not affected");
    }
}
