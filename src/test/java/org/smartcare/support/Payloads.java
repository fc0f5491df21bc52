package org.smartcare.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading mutation payloads that carry a typed {@code error} next to their result. */
public final class Payloads {

    private Payloads() {
    }

    /** The payload of a mutation that must have succeeded: no GraphQL errors and a null payload error. */
    public static JsonNode ok(JsonNode response, String field) {
        assertTrue(response.path("errors").isMissingNode(), response.toString());
        JsonNode payload = response.at("/data/" + field);
        assertTrue(payload.path("error").isNull(), response.toString());
        return payload;
    }

    /** The payload error code of a mutation that must have been refused in its payload. */
    public static String error(JsonNode response, String field) {
        assertTrue(response.path("errors").isMissingNode(), response.toString());
        return response.at("/data/" + field + "/error/code").asText();
    }
}
