package org.smartcare.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.smartcare.security.Role;
import org.smartcare.security.TokenCli;

/** The running service as a client sees it: tokens, GraphQL over HTTP and graphql-ws. */
@Singleton
public class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    private final EmbeddedServer server;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(EmbeddedServer server,
        @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret) {
        this.server = server;
        this.secret = secret;
    }

    public String token(Role role, String tenant) {
        return token(role, tenant, secret, Duration.ofHours(1));
    }

    /** A token naming its own subject (the reader the audit trail records). */
    public String tokenOf(String subject, Role role, String tenant) {
        try {
            return TokenCli.mint(secret, subject, role, role == Role.ADMIN ? null : tenant, null, Duration.ofHours(1));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token of institution staff, scoped to their institution. */
    public String staffToken(String tenant, long institutionId) {
        try {
            return TokenCli.mint(secret, "it-staff", Role.INSTITUTION_STAFF, tenant, institutionId, Duration.ofHours(1));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A validly signed token whose roles are none of SmartCare's. */
    public String tokenWithRoles(java.util.List<String> roles) {
        try {
            java.time.Instant now = java.time.Instant.now();
            com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("it-stranger")
                    .issuer("smartcare").issueTime(java.util.Date.from(now))
                    .expirationTime(java.util.Date.from(now.plus(Duration.ofHours(1)))).claim("roles", roles).build();
            com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                    new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), claims);
            jwt.sign(new com.nimbusds.jose.crypto.MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String token(Role role, String tenant, String signingSecret, Duration ttl) {
        try {
            return TokenCli.mint(signingSecret, "it-" + role.name().toLowerCase(), role,
                    role == Role.ADMIN ? null : tenant, null, ttl);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return server.getURI().resolve(path);
    }

    public URI wsUri() {
        return URI.create("ws://" + server.getHost() + ":" + server.getPort() + "/graphql-ws");
    }

    public HttpResponse<String> post(String token, String accept, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String token, String query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", GRAPHQL_RESPONSE).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String token, URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** Runs a document from src/test/resources/graphql and returns the whole response body. */
    public JsonNode query(String token, String documentFile, Map<String, ?> variables) {
        return operation(token, documentFile, null, variables);
    }

    /** Runs one named operation of a document with several. */
    public JsonNode operation(String token, String documentFile, String operationName, Map<String, ?> variables) {
        return send(token, documentFile, operationName, variables, 200);
    }

    /** Runs an operation that must be refused before execution (HTTP 400, errors and no data) and returns the body. */
    public JsonNode refused(String token, String documentFile, String operationName, Map<String, ?> variables) {
        JsonNode body = send(token, documentFile, operationName, variables, 400);
        if (body.has("data")) {
            throw new AssertionError("a refused operation has no data: " + body);
        }
        return body;
    }

    private JsonNode send(String token, String documentFile, String operationName, Map<String, ?> variables,
                          int expectedStatus) {
        try {
            Map<String, Object> request = new java.util.HashMap<>();
            request.put("query", Resources.text("graphql/" + documentFile));
            request.put("variables", variables);
            if (operationName != null) {
                request.put("operationName", operationName);
            }
            String body = JSON.writeValueAsString(request);
            HttpResponse<String> response = post(token, GRAPHQL_RESPONSE, body);
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
