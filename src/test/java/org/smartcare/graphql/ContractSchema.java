package org.smartcare.graphql;

import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.DirectiveInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The contract in its comparable forms: the SDL files, the schema the factory builds, the released snapshot. */
final class ContractSchema {

    /** The released contract, relative to the project directory (where Maven runs the tests). */
    static final Path SNAPSHOT = Path.of("schema/graphql/snapshot/released.graphqls");
    static final String REGENERATE = "mvn -B -o -ntp test -Dtest=SchemaSnapshotTest -Dsmartcare.schema.snapshot.update=true";

    private static final SchemaPrinter PRINTER = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
            .includeScalarTypes(true)
            .includeSchemaDefinition(true)
            .includeIntrospectionTypes(false)
            .includeDirectiveDefinition(name -> !DirectiveInfo.isGraphqlSpecifiedDirective(name)));

    private ContractSchema() {
    }

    /** Canonical text: types sorted by name, members in a stable order, built-in directives left out. */
    static String print(GraphQLSchema schema) {
        return PRINTER.print(schema).strip() + "\n";
    }

    /** The schema as declared by the SDL files alone, without any wiring. */
    static GraphQLSchema declared() {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(GraphQLFactory.readSdl()));
    }

    /**
     * The schema exactly as {@link GraphQLFactory} builds it for the service, with placeholder fetchers and
     * type resolvers: those do not change the schema's shape, and the real ones need a database.
     */
    static GraphQLSchema built() {
        TypeDefinitionRegistry types = new SchemaParser().parse(GraphQLFactory.readSdl());
        FetcherRegistry registry = new FetcherRegistry();
        for (String root : List.of("Query", "Mutation", "Subscription")) {
            types.getType(root, ObjectTypeDefinition.class).ifPresent(type -> fieldsOf(types, type)
                    .forEach(field -> registry.field(root, field.getName(), env -> null)));
        }
        types.getTypes(InterfaceTypeDefinition.class).forEach(type -> registry.typeResolver(type.getName(), env -> null));
        types.getTypes(UnionTypeDefinition.class).forEach(type -> registry.typeResolver(type.getName(), env -> null));
        return GraphQLFactory.build(registry);
    }

    private static List<FieldDefinition> fieldsOf(TypeDefinitionRegistry types, ImplementingTypeDefinition<?> type) {
        List<FieldDefinition> fields = new java.util.ArrayList<>(type.getFieldDefinitions());
        types.objectTypeExtensions().getOrDefault(type.getName(), List.of())
                .forEach(extension -> fields.addAll(extension.getFieldDefinitions()));
        return fields;
    }

    /** The snapshot's schema text, without its header comment. */
    static String snapshot() {
        try {
            return Files.readAllLines(SNAPSHOT, StandardCharsets.UTF_8).stream()
                    .dropWhile(line -> line.startsWith("#"))
                    .collect(Collectors.joining("\n")).strip() + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeSnapshot(String schema) {
        String header = """
                # The released GraphQL contract, as the service builds it from schema/graphql/*.graphqls.
                # Generated; do not edit. SchemaSnapshotTest fails when the running schema differs from this file.
                # After a deliberate change: %s
                # and record the change (above all a breaking one, with how to migrate) in CHANGELOG.md.

                """.formatted(REGENERATE);
        try {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, header + schema, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
