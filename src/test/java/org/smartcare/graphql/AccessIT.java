package org.smartcare.graphql;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smartcare.security.Role;
import org.smartcare.support.Api;

/** No anonymous access: every GraphQL request needs a valid bearer token. */
@MicronautTest(environments = "test", transactional = false)
class AccessIT {

    private static final String QUERY = "{\"query\":\"{ alerts(first: 1) { edges { cursor } } }\"}";

    @Inject Api api;

    @Test
    void noTokenIsUnauthorized() {
        assertEquals(401, api.post(null, Api.GRAPHQL_RESPONSE, QUERY).statusCode());
        assertEquals(401, api.get(null, "{ alerts { edges { cursor } } }").statusCode());
    }

    @Test
    void aBadTokenIsUnauthorized() {
        assertEquals(401, api.post("not.a.jwt", Api.GRAPHQL_RESPONSE, QUERY).statusCode());
        String forged = api.token(Role.ADMIN, null, "x".repeat(64), Duration.ofHours(1));
        assertEquals(401, api.post(forged, Api.GRAPHQL_RESPONSE, QUERY).statusCode());
        String expired = api.token(Role.OPERATOR, "demo-city", System.getenv("SMARTCARE_JWT_SECRET"),
                Duration.ofSeconds(-60));
        assertEquals(401, api.post(expired, Api.GRAPHQL_RESPONSE, QUERY).statusCode());
    }

    @Test
    void aValidTokenIsServed() {
        HttpResponse<String> response = api.post(api.token(Role.OPERATOR, "demo-city"), Api.GRAPHQL_RESPONSE, QUERY);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(Api.GRAPHQL_RESPONSE));
    }

    @Test
    void healthShowsDatabaseAndBrokerToAuthenticatedCallers() {
        String admin = api.token(Role.ADMIN, null);
        // The broker connection is made in the background at start-up; health is DOWN until it is up.
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get(admin, api.uri("/health")).statusCode() == 200);
        HttpResponse<String> health = api.get(admin, api.uri("/health"));
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"broker\""), health.body());
        assertTrue(health.body().contains("\"jdbc\""), health.body());
    }
}
