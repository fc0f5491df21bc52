package org.smartcare.graphql;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/** A GraphQL operation as a transport received it. */
public record GraphQLRequest(String query, @Nullable String operationName, Map<String, Object> variables) {

    public GraphQLRequest {
        variables = variables == null ? Map.of() : variables;
    }
}
