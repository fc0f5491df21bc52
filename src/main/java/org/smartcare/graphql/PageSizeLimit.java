package org.smartcare.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses the whole operation when any paged field, at any depth, asks for a page outside 1..{@link Paging#MAX_PAGE}:
 * checked on the parsed operation with its variables, so a nested oversized page never lets the outer fields
 * reach the database first.
 */
final class PageSizeLimit extends SimplePerformantInstrumentation {

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        List<GraphQLError> errors = new ArrayList<>();
        QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .coercedVariables(context.getCoercedVariables())
                .build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment env) {
                        if (env.getArguments().get("first") instanceof Integer first
                                && (first < 1 || first > Paging.MAX_PAGE)) {
                            errors.add(GraphqlErrorBuilder.newError()
                                    .message(env.getFieldDefinition().getName() + ": first must be between 1 and "
                                            + Paging.MAX_PAGE + ", got " + first)
                                    .location(env.getField().getSourceLocation())
                                    .errorType(ApiError.Code.BAD_USER_INPUT)
                                    .extensions(Map.of("code", ApiError.Code.BAD_USER_INPUT.name()))
                                    .build());
                        }
                    }
                });
        if (!errors.isEmpty()) {
            throw new AbortExecutionException(errors);
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
