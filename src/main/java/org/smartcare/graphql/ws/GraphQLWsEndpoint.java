package org.smartcare.graphql.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.graphql.GraphQLExecutor;
import org.smartcare.graphql.GraphQLRequest;
import org.smartcare.graphql.RateLimiter;
import org.smartcare.security.Caller;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * graphql-transport-ws at /graphql-ws. The upgrade itself is open (browsers cannot set headers on it);
 * the bearer token travels in connection_init's payload as {@code Authorization}, and nothing runs before
 * the connection is acknowledged. Operations are keyed per connection, and all work leaves the event loop.
 */
@ServerWebSocket(value = "/graphql-ws", subprotocols = "graphql-transport-ws")
@Secured(SecurityRule.IS_ANONYMOUS)
public class GraphQLWsEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQLWsEndpoint.class);
    private static final byte[] KEEPALIVE = new byte[0];

    private final GraphQLExecutor executor;
    private final RateLimiter rateLimiter;
    private final Collection<TokenValidator<HttpRequest<?>>> validators;
    private final Duration initTimeout;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, WsConnection> connections = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("graphql-ws-timers").factory());

    GraphQLWsEndpoint(GraphQLExecutor executor, RateLimiter rateLimiter,
                      Collection<TokenValidator<HttpRequest<?>>> validators,
                      @Value("${smartcare.graphql-ws.init-timeout:10s}") Duration initTimeout,
                      @Value("${smartcare.graphql-ws.keepalive:30s}") Duration keepalive) {
        this.executor = executor;
        this.rateLimiter = rateLimiter;
        this.validators = validators;
        this.initTimeout = initTimeout;
        // The server closes a connection it has read nothing from for micronaut.server.idle-timeout (5 min), and a
        // subscriber mostly listens: a WebSocket ping makes every client answer with a pong (browsers and the JDK
        // client do it by themselves), which keeps a live operator console open and lets a dead one time out.
        timers.scheduleAtFixedRate(this::ping, keepalive.toMillis(), keepalive.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ping() {
        for (WsConnection connection : connections.values()) {
            try {
                if (connection.session.isOpen()) {
                    connection.session.sendPingAsync(KEEPALIVE);
                }
            } catch (RuntimeException e) {
                // A periodic task that throws is never run again: one closing socket must not end every keepalive.
                LOG.debug("keepalive ping to {} failed", connection.session.getId(), e);
            }
        }
    }

    @OnOpen
    void onOpen(WebSocketSession session) {
        WsConnection connection = new WsConnection(session);
        connections.put(session.getId(), connection);
        connection.initTimeout = timers.schedule(() -> {
            if (!connection.isAcknowledged() && session.isOpen()) {
                session.close(CloseCodes.INIT_TIMEOUT);
            }
        }, initTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @OnMessage
    void onMessage(String text, WebSocketSession session) {
        WsConnection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (JsonProcessingException e) {
            session.close(CloseCodes.INVALID_MESSAGE);
            return;
        }
        String type = message == null ? "" : message.path("type").asText("");
        switch (type) {
            case "connection_init" -> init(connection, message.path("payload"));
            case "ping" -> send(session, Map.of("type", "pong"));
            case "pong" -> { }
            case "subscribe" -> subscribe(connection, message);
            case "complete" -> complete(connection, message.path("id").asText(null));
            default -> session.close(CloseCodes.INVALID_MESSAGE);
        }
    }

    @OnClose
    void onClose(WebSocketSession session) {
        WsConnection connection = connections.remove(session.getId());
        if (connection != null) {
            connection.disposeAll();
        }
    }

    private void init(WsConnection connection, JsonNode payload) {
        if (!connection.beginInit()) {
            connection.session.close(CloseCodes.TOO_MANY_INITS);
            return;
        }
        String token = bearer(payload);
        work.execute(() -> {
            Caller caller = authenticate(token);
            if (caller == null) {
                connection.session.close(CloseCodes.FORBIDDEN);
                return;
            }
            connection.acknowledge(caller);
            send(connection.session, Map.of("type", "connection_ack"));
        });
    }

    private void subscribe(WsConnection connection, JsonNode message) {
        if (!connection.isAcknowledged()) {
            connection.session.close(CloseCodes.UNAUTHORIZED);
            return;
        }
        String id = message.path("id").asText("");
        JsonNode payload = message.path("payload");
        if (id.isEmpty() || !payload.path("query").isTextual()
                || !(payload.path("variables").isMissingNode() || payload.path("variables").isNull()
                    || payload.path("variables").isObject())) {
            connection.session.close(CloseCodes.INVALID_MESSAGE);
            return;
        }
        // Reserve the id first so a duplicate is caught even while the first is still starting.
        if (connection.operations.putIfAbsent(id, Starting.INSTANCE) != null) {
            connection.session.close(CloseCodes.duplicateOperation(id));
            return;
        }
        GraphQLRequest request = new GraphQLRequest(payload.get("query").asText(),
                payload.path("operationName").isTextual() ? payload.get("operationName").asText() : null,
                toMap(payload.path("variables")));
        work.execute(() -> start(connection, id, request));
    }

    private void start(WsConnection connection, String id, GraphQLRequest request) {
        if (!rateLimiter.tryAcquire(connection.caller().subject() + "|" + connection.caller().tenantId())) {
            finishWithError(connection, id, List.of(Map.of("message", "too many requests; slow down",
                    "extensions", Map.of("code", "RATE_LIMITED"))));
            return;
        }
        ExecutionResult result;
        try {
            result = executor.execute(connection.caller(), request);
        } catch (RuntimeException e) {
            LOG.error("graphql-ws operation {} failed", id, e);
            finishWithError(connection, id, List.of(Map.of("message", "internal error")));
            return;
        }
        if (!result.getErrors().isEmpty() && !result.isDataPresent()) {
            finishWithError(connection, id, result.toSpecification().get("errors"));
            return;
        }
        if (!(result.getData() instanceof Publisher<?> events)) {
            send(connection.session, Map.of("id", id, "type", "next", "payload", result.toSpecification()));
            finish(connection, id);
            return;
        }
        Disposable running = Flux.from(events).cast(ExecutionResult.class).subscribe(
                event -> send(connection.session, Map.of("id", id, "type", "next", "payload", event.toSpecification())),
                error -> {
                    LOG.warn("subscription {} ended with an error", id, error);
                    finishWithError(connection, id, List.of(Map.of("message", "subscription failed")));
                },
                () -> finish(connection, id));
        // The client may have sent complete, or closed the socket, while the operation was starting.
        if (!connection.operations.replace(id, Starting.INSTANCE, running)) {
            running.dispose();
        }
    }

    private void complete(WsConnection connection, String id) {
        if (id == null) {
            connection.session.close(CloseCodes.INVALID_MESSAGE);
            return;
        }
        Disposable running = connection.operations.remove(id);
        if (running != null) {
            running.dispose();
        }
    }

    private void finish(WsConnection connection, String id) {
        if (connection.operations.remove(id) != null) {
            send(connection.session, Map.of("id", id, "type", "complete"));
        }
    }

    private void finishWithError(WsConnection connection, String id, Object errors) {
        if (connection.operations.remove(id) != null) {
            send(connection.session, Map.of("id", id, "type", "error", "payload", errors));
        }
    }

    private Caller authenticate(String token) {
        if (token == null) {
            return null;
        }
        for (TokenValidator<HttpRequest<?>> validator : validators) {
            try {
                Authentication authentication = Flux.from(validator.validateToken(token, null)).blockFirst();
                if (authentication != null) {
                    return Caller.from(authentication);
                }
            } catch (RuntimeException e) {
                LOG.debug("token refused: {}", e.getMessage());
            }
        }
        return null;
    }

    private static String bearer(JsonNode payload) {
        for (String key : List.of("Authorization", "authorization")) {
            String value = payload.path(key).asText("");
            if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return value.substring(7).trim();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(JsonNode node) {
        return node.isObject() ? json.convertValue(node, Map.class) : Map.of();
    }

    private void send(WebSocketSession session, Map<String, ?> message) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendAsync(json.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            LOG.error("cannot serialise a graphql-ws message", e);
        }
    }

    /** Placeholder for an operation whose execution has not produced its stream yet. */
    private enum Starting implements Disposable {
        INSTANCE;

        @Override
        public void dispose() {
        }
    }
}
