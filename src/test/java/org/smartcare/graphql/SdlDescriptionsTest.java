package org.smartcare.graphql;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import graphql.language.Definition;
import graphql.language.DescribedNode;
import graphql.language.Description;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumTypeExtensionDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputObjectTypeExtensionDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.InterfaceTypeExtensionDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.SDLDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.ScalarTypeExtensionDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.SourceLocation;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.language.UnionTypeExtensionDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SDL is the published contract: third parties read it (and GraphiQL shows it), so every type,
 * field, argument, enum value, input field and directive in every file of GraphQLFactory.SDL_FILES
 * carries a description. Type extensions cannot carry one (the spec's grammar has none), but their
 * members must.
 */
class SdlDescriptionsTest {

    @Test
    void everyElementOfEveryContractFileIsDescribed() {
        List<String> undocumented = new ArrayList<>();
        for (String file : GraphQLFactory.SDL_FILES) {
            Document document = Parser.parse(GraphQLFactory.readSdlFile(file));
            for (Definition<?> definition : document.getDefinitions()) {
                undocumented.addAll(undocumented(file, definition));
            }
        }
        if (!undocumented.isEmpty()) {
            fail(undocumented.size() + " element(s) of the GraphQL contract have no description. Add a \"...\" or"
                    + " \"\"\"...\"\"\" description (what it is, its unit or range, who may see it) right before each"
                    + " of them in schema/graphql:\n  " + String.join("\n  ", undocumented));
        }
    }

    @Test
    void everySdlFileIsPartOfTheContract() throws IOException {
        // A file missing from SDL_FILES would be published in the repository but never served or checked.
        try (Stream<Path> files = Files.list(Path.of("schema/graphql"))) {
            List<String> unlisted = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".graphqls"))
                    .filter(name -> !GraphQLFactory.SDL_FILES.contains(name)).sorted().toList();
            assertTrue(unlisted.isEmpty(), "add " + unlisted + " to GraphQLFactory.SDL_FILES");
        }
    }

    @Test
    void theCheckNamesWhatIsMissing() {
        Document document = Parser.parse("""
                "Described."
                type Described { "ok" ok: Int, bare(arg: Int): Int }
                enum Bare { "ok" A B }
                extend type Described { alsoBare: Int }
                directive @bare(reason: String) on FIELD_DEFINITION
                """);
        List<String> found = new ArrayList<>();
        document.getDefinitions().forEach(definition -> found.addAll(undocumented("test.graphqls", definition)));
        String all = String.join("\n", found);
        for (String expected : List.of("field Described.bare ", "argument Described.bare(arg) ", "enum Bare ",
                "enum value Bare.B ", "field Described.alsoBare ", "directive @bare ", "argument @bare(reason) ")) {
            assertTrue(all.contains(expected), expected + " not reported in\n" + all);
        }
        assertTrue(!all.contains("Bare.A ") && !all.contains("Described.ok ") && !all.contains("type Described "), all);
    }

    private static List<String> undocumented(String file, Definition<?> definition) {
        List<String> missing = new ArrayList<>();
        boolean extension = isExtension(definition);
        if (definition instanceof SDLDefinition<?> sdl && !extension && !(definition instanceof SchemaDefinition)) {
            require(missing, file, describe(definition), description(definition), sdl.getSourceLocation());
        }
        switch (definition) {
            case ObjectTypeDefinition type -> fields(missing, file, type.getName(), type.getFieldDefinitions());
            case InterfaceTypeDefinition type -> fields(missing, file, type.getName(), type.getFieldDefinitions());
            case InputObjectTypeDefinition type -> type.getInputValueDefinitions().forEach(value -> require(missing,
                    file, "input field " + type.getName() + "." + value.getName(), value.getDescription(),
                    value.getSourceLocation()));
            case EnumTypeDefinition type -> type.getEnumValueDefinitions().forEach(value -> require(missing, file,
                    "enum value " + type.getName() + "." + value.getName(), value.getDescription(),
                    value.getSourceLocation()));
            case DirectiveDefinition directive -> arguments(missing, file, "@" + directive.getName(),
                    directive.getInputValueDefinitions());
            default -> { }
        }
        return missing;
    }

    private static void fields(List<String> missing, String file, String type, List<FieldDefinition> fields) {
        for (FieldDefinition field : fields) {
            require(missing, file, "field " + type + "." + field.getName(), field.getDescription(),
                    field.getSourceLocation());
            arguments(missing, file, type + "." + field.getName(), field.getInputValueDefinitions());
        }
    }

    private static void arguments(List<String> missing, String file, String owner, List<InputValueDefinition> args) {
        for (InputValueDefinition arg : args) {
            require(missing, file, "argument " + owner + "(" + arg.getName() + ")", arg.getDescription(),
                    arg.getSourceLocation());
        }
    }

    private static void require(List<String> missing, String file, String element, Description description,
                                SourceLocation at) {
        if (description == null || description.getContent().isBlank()) {
            missing.add(element + " (" + file + ":" + (at == null ? "?" : at.getLine()) + ")");
        }
    }

    private static boolean isExtension(Definition<?> definition) {
        return definition instanceof ObjectTypeExtensionDefinition
                || definition instanceof InterfaceTypeExtensionDefinition
                || definition instanceof InputObjectTypeExtensionDefinition
                || definition instanceof EnumTypeExtensionDefinition
                || definition instanceof UnionTypeExtensionDefinition
                || definition instanceof ScalarTypeExtensionDefinition;
    }

    private static String describe(Definition<?> definition) {
        return switch (definition) {
            case ObjectTypeDefinition type -> "type " + type.getName();
            case InterfaceTypeDefinition type -> "interface " + type.getName();
            case InputObjectTypeDefinition type -> "input " + type.getName();
            case EnumTypeDefinition type -> "enum " + type.getName();
            case UnionTypeDefinition type -> "union " + type.getName();
            case ScalarTypeDefinition type -> "scalar " + type.getName();
            case DirectiveDefinition directive -> "directive @" + directive.getName();
            case TypeDefinition<?> type -> "type " + type.getName();
            default -> definition.getClass().getSimpleName();
        };
    }

    private static Description description(Definition<?> definition) {
        return definition instanceof DescribedNode<?> described ? described.getDescription() : null;
    }
}
