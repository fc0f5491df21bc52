package org.smartcare.graphql;

import graphql.language.AstTransformer;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeVisitorStub;
import graphql.language.StringValue;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds U+0000 in an operation's text inputs. PostgreSQL cannot store it in text, so it would otherwise fail deep in
 * a write as a database error; the client gets a clear input error instead.
 */
final class NulText {

    private NulText() {
    }

    static boolean in(Document document, Map<String, Object> variables) {
        return inLiterals(document) || inValue(variables);
    }

    private static boolean inLiterals(Document document) {
        AtomicBoolean found = new AtomicBoolean();
        new AstTransformer().transform(document, new NodeVisitorStub() {
            @Override
            public TraversalControl visitStringValue(StringValue node, TraverserContext<Node> context) {
                if (node.getValue().indexOf('\u0000') >= 0) {
                    found.set(true);
                }
                return TraversalControl.CONTINUE;
            }
        });
        return found.get();
    }

    private static boolean inValue(Object value) {
        return switch (value) {
            case String text -> text.indexOf('\u0000') >= 0;
            case Map<?, ?> map -> map.values().stream().anyMatch(NulText::inValue);
            case Collection<?> list -> list.stream().anyMatch(NulText::inValue);
            case null, default -> false;
        };
    }
}
