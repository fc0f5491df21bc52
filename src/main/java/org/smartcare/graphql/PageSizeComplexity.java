package org.smartcare.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;

/** A field costs 1 plus its children, and a paged field its children once per requested item. */
final class PageSizeComplexity implements FieldComplexityCalculator {

    @Override
    public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
        Object first = environment.getArguments().get("first");
        int items = first instanceof Integer n ? Math.max(1, Math.min(n, Paging.MAX_PAGE)) : 1;
        if (first == null && environment.getFieldDefinition().getArgument("first") != null) {
            items = Paging.DEFAULT_PAGE;
        }
        return 1 + items * childComplexity;
    }
}
