package org.smartcare.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.dataloader.DataLoaderRegistry;
import org.smartcare.security.Caller;

/** Runs one operation for one caller with a fresh set of data loaders. Shared by the HTTP and WebSocket transports. */
@Singleton
public class GraphQLExecutor {

    private final GraphQL graphQL;
    private final Loaders loaders;
    private final QueryLimits limits;

    GraphQLExecutor(GraphQL graphQL, Loaders loaders, QueryLimits limits) {
        this.graphQL = graphQL;
        this.loaders = loaders;
        this.limits = limits;
    }

    public ExecutionResult execute(Caller caller, GraphQLRequest request) {
        Optional<ExecutionResult> refused = tooManyAliases(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean subscription = operationType(request).orElse(null) == OperationDefinition.Operation.SUBSCRIPTION;
        DataLoaderRegistry registry = loaders.newRegistry(!subscription);
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .dataLoaderRegistry(registry)
                .graphQLContext(builder -> builder.put(RequestContext.KEY,
                                new RequestContext(caller, registry, subscription))
                        .put(Introspection.INTROSPECTION_DISABLED, !limits.introspection()))
                .build();
        return graphQL.execute(input);
    }

    private Optional<ExecutionResult> tooManyAliases(GraphQLRequest request) {
        Document document;
        try {
            document = Parser.parse(request.query());
        } catch (InvalidSyntaxException | IllegalArgumentException e) {
            return Optional.empty(); // execution reports the syntax error
        }
        int aliases = AliasCount.of(document);
        if (aliases <= limits.maxAliases()) {
            return Optional.empty();
        }
        return Optional.of(ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                .message("the operation uses " + aliases + " aliases; at most " + limits.maxAliases() + " are allowed")
                .errorType(ApiError.Code.BAD_USER_INPUT)
                .extensions(java.util.Map.of("code", ApiError.Code.BAD_USER_INPUT.name())).build()).build());
    }

    /**
     * The type of the operation the request would run, or empty when the document does not parse or
     * names no such operation (execution then reports the error).
     */
    public static Optional<OperationDefinition.Operation> operationType(GraphQLRequest request) {
        Document document;
        try {
            document = Parser.parse(request.query());
        } catch (InvalidSyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (request.operationName() == null) {
            return operations.size() == 1 ? Optional.of(operations.getFirst().getOperation()) : Optional.empty();
        }
        return operations.stream().filter(op -> request.operationName().equals(op.getName()))
                .findFirst().map(OperationDefinition::getOperation);
    }
}
