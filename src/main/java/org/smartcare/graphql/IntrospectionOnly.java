package org.smartcare.graphql;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A query that selects nothing but {@code __schema}, {@code __type} and {@code __typename} at its root: what
 * GraphiQL and client code generators send. It never reaches the database; its nesting is bounded by
 * graphql-java's good-faith introspection check rather than by our depth and cost limits, which the standard
 * introspection query exceeds.
 */
final class IntrospectionOnly {

    private IntrospectionOnly() {
    }

    static boolean test(Document document, OperationDefinition operation) {
        if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
            return false;
        }
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        return onlyMeta(operation.getSelectionSet(), fragments, new HashSet<>());
    }

    private static boolean onlyMeta(SelectionSet selections, Map<String, FragmentDefinition> fragments,
                                    Set<String> seen) {
        if (selections == null) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            boolean meta = switch (selection) {
                case Field field -> field.getName().startsWith("__");
                case InlineFragment inline -> onlyMeta(inline.getSelectionSet(), fragments, seen);
                case FragmentSpread spread -> fragments.containsKey(spread.getName()) && seen.add(spread.getName())
                        && onlyMeta(fragments.get(spread.getName()).getSelectionSet(), fragments, seen);
                default -> false;
            };
            if (!meta) {
                return false;
            }
        }
        return true;
    }
}
