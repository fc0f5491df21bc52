package org.smartcare.graphql;

import graphql.language.AstTransformer;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the aliased fields of a document (aliases multiply work without deepening a query). */
final class AliasCount {

    private AliasCount() {
    }

    static int of(Document document) {
        AtomicInteger aliases = new AtomicInteger();
        new AstTransformer().transform(document, new NodeVisitorStub() {
            @Override
            public TraversalControl visitField(Field field, TraverserContext<Node> context) {
                if (field.getAlias() != null) {
                    aliases.incrementAndGet();
                }
                return TraversalControl.CONTINUE;
            }
        });
        return aliases.get();
    }
}
