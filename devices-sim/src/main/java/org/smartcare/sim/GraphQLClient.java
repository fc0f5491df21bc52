package org.smartcare.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A minimal GraphQL-over-HTTP client with a bearer token: POST, JSON in and out, errors as exceptions. */
public final class GraphQLClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public GraphQLClient(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    /** The response's data; a GraphQL or HTTP error is an {@link IllegalStateException}. */
    public JsonNode execute(String document, Map<String, ?> variables) {
        try {
            Map<String, Object> body = new HashMap<>();
            body.put("query", document);
            body.put("variables", variables);
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            // The service limits each caller's rate: wait as asked (or a second) and try again.
            for (int attempt = 0; response.statusCode() == 429 && attempt < 120; attempt++) {
                long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(Math.max(200, Math.min(seconds, 5) * 1000));
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            JsonNode root = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() != 200 || root.has("errors")) {
                throw new IllegalStateException("GraphQL HTTP " + response.statusCode() + ": " + response.body());
            }
            return root.get("data");
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
