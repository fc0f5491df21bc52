package org.smartcare.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.GraphQLWsClient;

/** graphql-transport-ws close codes, as the protocol defines them, and operations keyed per connection. */
@MicronautTest(environments = "test", transactional = false)
class GraphQLWsProtocolIT {

    private static final String SUBSCRIPTION = "subscription { alertRaised { id } }";

    @Inject Api api;

    @Test
    void aBadTokenIsForbidden() {
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri())) {
            ws.init("not-a-token");
            assertEquals(4403, ws.closeCode(Duration.ofSeconds(5)));
        }
    }

    @Test
    void subscribingBeforeTheAckIsUnauthorized() {
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri())) {
            ws.subscribe("1", SUBSCRIPTION, Map.of());
            assertEquals(4401, ws.closeCode(Duration.ofSeconds(5)));
        }
    }

    @Test
    void noInitInTimeClosesWith4408() {
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri())) {
            assertEquals(4408, ws.closeCode(Duration.ofSeconds(6)));
        }
    }

    @Test
    void aSecondInitIsTooMany() throws InterruptedException {
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri())) {
            ws.init(api.token(Role.OPERATOR, "demo-city"));
            assertEquals("connection_ack", ws.next(Duration.ofSeconds(5)).path("type").asText());
            ws.init(api.token(Role.OPERATOR, "demo-city"));
            assertEquals(4429, ws.closeCode(Duration.ofSeconds(5)));
        }
    }

    @Test
    void aDuplicateOperationIdIsRefused() throws InterruptedException {
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri())) {
            ws.init(api.token(Role.OPERATOR, "demo-city"));
            assertEquals("connection_ack", ws.next(Duration.ofSeconds(5)).path("type").asText());
            ws.subscribe("same", SUBSCRIPTION, Map.of());
            ws.subscribe("same", SUBSCRIPTION, Map.of());
            assertEquals(4409, ws.closeCode(Duration.ofSeconds(5)));
        }
    }

    @Test
    void operationIdsBelongToTheirConnection() throws InterruptedException {
        String token = api.token(Role.OPERATOR, "demo-city");
        try (GraphQLWsClient a = new GraphQLWsClient(api.wsUri()); GraphQLWsClient b = new GraphQLWsClient(api.wsUri())) {
            a.init(token);
            b.init(token);
            assertEquals("connection_ack", a.next(Duration.ofSeconds(5)).path("type").asText());
            assertEquals("connection_ack", b.next(Duration.ofSeconds(5)).path("type").asText());
            a.subscribe("1", SUBSCRIPTION, Map.of());
            // The same id on another connection is another operation: it runs, and its end leaves a's alone.
            b.subscribe("1", "{ alerts(first: 1) { pageInfo { hasNextPage } } }", Map.of());
            JsonNode next = b.next(Duration.ofSeconds(5));
            assertEquals("next", next.path("type").asText(), next.toString());
            assertEquals("1", next.path("id").asText());
            assertEquals("complete", b.next(Duration.ofSeconds(5)).path("type").asText());
            a.send(Map.of("type", "ping"));
            assertEquals("pong", a.next(Duration.ofSeconds(5)).path("type").asText(), "a got b's messages");
            a.subscribe("1", SUBSCRIPTION, Map.of());
            assertEquals(4409, a.closeCode(Duration.ofSeconds(5)), "a's operation 1 must still be running");
        }
    }

    @Test
    void pingIsAnsweredAndQueriesWorkToo() throws InterruptedException {
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri())) {
            ws.init(api.token(Role.OPERATOR, "demo-city"));
            assertEquals("connection_ack", ws.next(Duration.ofSeconds(5)).path("type").asText());
            ws.send(Map.of("type", "ping"));
            assertEquals("pong", ws.next(Duration.ofSeconds(5)).path("type").asText());
            ws.subscribe("q", "{ alerts(first: 1) { pageInfo { hasNextPage } } }", Map.of());
            assertEquals("next", ws.next(Duration.ofSeconds(5)).path("type").asText());
            assertEquals("complete", ws.next(Duration.ofSeconds(5)).path("type").asText());
        }
    }
}
