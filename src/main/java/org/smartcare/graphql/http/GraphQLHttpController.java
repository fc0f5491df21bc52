package org.smartcare.graphql.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.graphql.GraphQLExecutor;
import org.smartcare.graphql.GraphQLRequest;
import org.smartcare.graphql.RateLimiter;
import org.smartcare.security.Caller;

/**
 * GraphQL over HTTP as the spec describes it: POST runs any operation but subscriptions, GET runs queries
 * only (a mutation over GET is 405), {@code application/graphql-response+json} answers request errors with
 * 400, and execution runs on a blocking (virtual) thread, never on the event loop.
 */
@Controller("/graphql")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class GraphQLHttpController {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final Logger LOG = LoggerFactory.getLogger(GraphQLHttpController.class);

    private final GraphQLExecutor executor;
    private final RateLimiter rateLimiter;
    private final ObjectMapper json = new ObjectMapper();

    GraphQLHttpController(GraphQLExecutor executor, RateLimiter rateLimiter) {
        this.executor = executor;
        this.rateLimiter = rateLimiter;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = {GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON})
    MutableHttpResponse<String> post(HttpRequest<?> http, @Body @Nullable String body, Authentication auth) {
        boolean modern = wantsGraphQLResponse(http);
        GraphQLRequest request;
        try {
            request = parseBody(body);
        } catch (BadRequest e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage(), modern);
        }
        return run(request, auth, modern);
    }

    @Get(produces = {GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON})
    MutableHttpResponse<String> get(HttpRequest<?> http, @QueryValue @Nullable String query,
                                    @QueryValue @Nullable String operationName,
                                    @QueryValue @Nullable String variables, Authentication auth) {
        boolean modern = wantsGraphQLResponse(http);
        if (query == null || query.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "the query parameter is required", modern);
        }
        GraphQLRequest request;
        try {
            request = new GraphQLRequest(query, operationName, variables == null ? Map.of() : variablesFrom(variables));
        } catch (BadRequest e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage(), modern);
        }
        if (GraphQLExecutor.operationType(request).orElse(null) == OperationDefinition.Operation.MUTATION) {
            return error(HttpStatus.METHOD_NOT_ALLOWED, "mutations must be sent with POST", modern)
                    .header(HttpHeaders.ALLOW, "POST");
        }
        return run(request, auth, modern);
    }

    private MutableHttpResponse<String> run(GraphQLRequest request, Authentication auth, boolean modern) {
        Caller caller;
        try {
            caller = Caller.from(auth);
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.FORBIDDEN, e.getMessage(), modern);
        }
        if (!rateLimiter.tryAcquire(caller.subject() + "|" + caller.tenantId())) {
            return error(HttpStatus.TOO_MANY_REQUESTS, "too many requests; slow down", modern)
                    .header(HttpHeaders.RETRY_AFTER, "1");
        }
        if (GraphQLExecutor.operationType(request).orElse(null) == OperationDefinition.Operation.SUBSCRIPTION) {
            return error(HttpStatus.BAD_REQUEST, "subscriptions are served over WebSocket at /graphql-ws", modern);
        }
        ExecutionResult result;
        try {
            result = executor.execute(caller, request);
        } catch (RuntimeException e) {
            // Micronaut's default 500 would echo the exception's message, which may carry SQL.
            String incident = Long.toHexString(System.nanoTime());
            LOG.error("GraphQL request failed outside execution (incident {})", incident, e);
            return respond(HttpStatus.INTERNAL_SERVER_ERROR, Map.of("errors", List.of(Map.of(
                    "message", "internal error (incident " + incident + ")",
                    "extensions", Map.of("code", "INTERNAL")))), modern);
        }
        // Without data the request never started executing (parse or validation error): a 400 for clients
        // that speak graphql-response+json; legacy application/json clients always get 200.
        // An answer withheld for want of an audit is the service's failure, not the request's: 503.
        HttpStatus status = GraphQLExecutor.withheld(result) ? HttpStatus.SERVICE_UNAVAILABLE
                : modern && !result.isDataPresent() ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
        return respond(status, result.toSpecification(), modern);
    }

    private GraphQLRequest parseBody(String body) throws BadRequest {
        if (body == null || body.isBlank()) {
            throw new BadRequest("the request body must be a JSON object with a query");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequest("the request body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("query").isTextual()) {
            throw new BadRequest("the request body must be a JSON object with a string query");
        }
        JsonNode operation = root.path("operationName");
        JsonNode variables = root.path("variables");
        if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
            throw new BadRequest("variables must be an object");
        }
        return new GraphQLRequest(root.get("query").asText(),
                operation.isTextual() ? operation.asText() : null,
                variables.isObject() ? toMap(variables) : Map.of());
    }

    private Map<String, Object> variablesFrom(String text) throws BadRequest {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new BadRequest("variables must be a JSON object");
            }
            return toMap(node);
        } catch (JsonProcessingException e) {
            throw new BadRequest("variables are not JSON: " + e.getOriginalMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(JsonNode node) {
        return json.convertValue(node, Map.class);
    }

    private static boolean wantsGraphQLResponse(HttpRequest<?> http) {
        Optional<String> accept = http.getHeaders().get(HttpHeaders.ACCEPT, String.class);
        return accept.map(value -> value.contains(GRAPHQL_RESPONSE)).orElse(false);
    }

    private MutableHttpResponse<String> error(HttpStatus status, String message, boolean modern) {
        return respond(status, Map.of("errors", List.of(Map.of("message", message))), modern);
    }

    private MutableHttpResponse<String> respond(HttpStatus status, Map<String, Object> body, boolean modern) {
        try {
            return HttpResponse.<String>status(status)
                    .contentType(modern ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a GraphQL response", e);
        }
    }

    /** A request that is not GraphQL over HTTP at all. */
    private static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
