package org.smartcare.graphql;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds the executable schema from schema/graphql (packaged as classpath:graphql) and the features' wirings. */
@Factory
public class GraphQLFactory {

    /** The contract's files in schema/graphql; a feature's types may live in a file of their own. */
    public static final List<String> SDL_FILES = List.of("schema.graphqls", "orders.graphqls", "indicators.graphqls",
            "plans.graphqls", "admin.graphqls", "alerts.graphqls", "privacy.graphqls");
    private static final List<String> ROOTS = List.of("Query", "Mutation", "Subscription");

    @Singleton
    public GraphQLSchema schema(List<WiringContribution> contributions) {
        FetcherRegistry registry = new FetcherRegistry();
        contributions.forEach(contribution -> contribution.contribute(registry));
        return build(registry);
    }

    /** The executable schema of the contract files with these fetchers: what the service serves. */
    static GraphQLSchema build(FetcherRegistry registry) {
        TypeDefinitionRegistry types = new SchemaParser().parse(readSdl());
        requireRootFetchers(types, registry);
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(described(InstantScalar.DATE_TIME, types))
                .scalar(described(ExtendedScalars.Date, types))
                .codeRegistry(registry.toCodeRegistry());
        registry.typeResolvers().forEach((type, resolver) ->
                wiring.type(TypeRuntimeWiring.newTypeWiring(type).typeResolver(resolver)));
        return new SchemaGenerator().makeExecutableSchema(types, wiring.build());
    }

    /** Clients see the contract's description of a scalar, not the one its implementation came with. */
    private static GraphQLScalarType described(GraphQLScalarType scalar, TypeDefinitionRegistry types) {
        return types.getType(scalar.getName(), ScalarTypeDefinition.class)
                .map(ScalarTypeDefinition::getDescription)
                .map(description -> scalar.transform(builder -> builder.description(description.getContent())))
                .orElse(scalar);
    }

    @Singleton
    public GraphQL graphQL(GraphQLSchema schema, QueryLimits limits) {
        return GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(new SafeExceptionHandler())
                .instrumentation(new ChainedInstrumentation(
                        new PageSizeLimit(),
                        new MaxQueryDepthInstrumentation(limits.maxDepth()),
                        new MaxQueryComplexityInstrumentation(limits.maxComplexity(), new PageSizeComplexity())))
                .build();
    }

    /** The SDL text, as published in schema/graphql (all files, in order). */
    public static String readSdl() {
        StringBuilder sdl = new StringBuilder();
        for (String file : SDL_FILES) {
            sdl.append(readSdlFile(file)).append('\n');
        }
        return sdl.toString();
    }

    /** One file of the contract, as packaged from schema/graphql. */
    public static String readSdlFile(String file) {
        String path = "graphql/" + file;
        try (InputStream in = GraphQLFactory.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A root field without a fetcher would silently answer null; refuse to start instead. */
    static void requireRootFetchers(TypeDefinitionRegistry types, FetcherRegistry registry) {
        List<String> missing = new ArrayList<>();
        for (String root : ROOTS) {
            types.getType(root, ObjectTypeDefinition.class).ifPresent(type -> {
                for (FieldDefinition field : type.getFieldDefinitions()) {
                    if (!registry.has(root, field.getName())) {
                        missing.add(root + "." + field.getName());
                    }
                }
            });
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("schema fields without a fetcher: " + missing);
        }
    }
}
