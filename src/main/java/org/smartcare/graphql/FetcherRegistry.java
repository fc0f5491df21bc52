package org.smartcare.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.TypeResolver;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the fetchers every feature contributes and refuses a field claimed twice. */
public final class FetcherRegistry {

    private final Map<FieldCoordinates, DataFetcher<?>> fetchers = new LinkedHashMap<>();
    private final Map<String, TypeResolver> typeResolvers = new LinkedHashMap<>();

    public FetcherRegistry field(String type, String field, DataFetcher<?> fetcher) {
        FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
        if (fetchers.putIfAbsent(coordinates, fetcher) != null) {
            throw new IllegalStateException("two wirings claim " + type + "." + field);
        }
        return this;
    }

    public FetcherRegistry typeResolver(String type, TypeResolver resolver) {
        if (typeResolvers.putIfAbsent(type, resolver) != null) {
            throw new IllegalStateException("two wirings resolve " + type);
        }
        return this;
    }

    public boolean has(String type, String field) {
        return fetchers.containsKey(FieldCoordinates.coordinates(type, field));
    }

    Map<String, TypeResolver> typeResolvers() {
        return Map.copyOf(typeResolvers);
    }

    GraphQLCodeRegistry.Builder toCodeRegistry() {
        GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry();
        fetchers.forEach(code::dataFetcher);
        return code;
    }
}
