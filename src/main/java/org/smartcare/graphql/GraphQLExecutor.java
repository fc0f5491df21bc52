package org.smartcare.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.dataloader.DataLoaderRegistry;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.care.ElderReaders;
import org.smartcare.security.AuditUnavailable;
import org.smartcare.security.Caller;
import org.smartcare.security.ReadAudit;
import org.smartcare.security.ReadLog;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs one operation for one caller with a fresh set of data loaders, and audits the personal data it
 * showed before the answer leaves (per subscription event for subscriptions). When the audit cannot be
 * written the answer is withheld: personal data is never shown unaudited. Shared by the HTTP and
 * WebSocket transports.
 */
@Singleton
public class GraphQLExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQLExecutor.class);
    /** Subscription events may be emitted on any thread; their audit writes block on JDBC, so they move here. */
    private static final Scheduler AUDIT_THREADS = Schedulers.fromExecutorService(
            Executors.newVirtualThreadPerTaskExecutor(), "personal-data-audit");

    private final GraphQL graphQL;
    private final GraphQL introspection;
    private final Loaders loaders;
    private final QueryLimits limits;
    private final ReadAudit audit;
    private final ElderReaders readers;

    GraphQLExecutor(GraphQL graphQL, Loaders loaders, QueryLimits limits, ReadAudit audit, ElderReaders readers) {
        this.readers = readers;
        this.graphQL = graphQL;
        this.introspection = graphQL.transform(builder -> builder.instrumentation(SimplePerformantInstrumentation.INSTANCE));
        this.loaders = loaders;
        this.limits = limits;
        this.audit = audit;
    }

    public ExecutionResult execute(Caller caller, GraphQLRequest request) {
        Optional<Document> document = parse(request);
        Optional<ExecutionResult> refused = document.flatMap(this::tooManyAliases)
                .or(() -> document.filter(parsed -> NulText.in(parsed, request.variables()))
                        .map(parsed -> badInput("text inputs must not contain the NUL character (U+0000)")));
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<OperationDefinition> operation = document.flatMap(parsed -> operation(parsed, request.operationName()));
        boolean subscription = operation.map(OperationDefinition::getOperation).orElse(null)
                == OperationDefinition.Operation.SUBSCRIPTION;
        boolean introspectionOnly = limits.introspection()
                && operation.map(op -> IntrospectionOnly.test(document.get(), op)).orElse(false);
        DataLoaderRegistry registry = loaders.newRegistry(subscription);
        ReadLog reads = new ReadLog();
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .dataLoaderRegistry(registry)
                .graphQLContext(builder -> builder.put(RequestContext.KEY,
                                new RequestContext(caller, registry, subscription, reads,
                                        new ElderAccess(readers, caller, !subscription)))
                        .put(Introspection.INTROSPECTION_DISABLED, !limits.introspection()))
                .build();
        ExecutionResult result = (introspectionOnly ? introspection : graphQL).execute(input);
        String name = operation.map(OperationDefinition::getName).orElse(request.operationName());
        if (result.getData() instanceof Publisher<?> events) {
            // An event that read no personal data (an operator's alertRaised { id kind device { deviceId } }) has
            // nothing to audit and goes straight on: no hop to an audit thread on the way to the operator.
            Flux<ExecutionResult> audited = Flux.from(events).cast(ExecutionResult.class).concatMap(event ->
                    reads.isEmpty() ? Mono.just(event)
                            : Mono.fromCallable(() -> audited(caller, name, reads, event)).subscribeOn(AUDIT_THREADS));
            return result.transform(builder -> builder.data(audited));
        }
        return audited(caller, name, reads, result);
    }

    /** Whether the answer was withheld because its reads could not be audited. */
    public static boolean withheld(ExecutionResult result) {
        return !result.isDataPresent() && result.getErrors().stream()
                .anyMatch(error -> error.getErrorType() == ApiError.Code.AUDIT_UNAVAILABLE);
    }

    private ExecutionResult audited(Caller caller, String operation, ReadLog reads, ExecutionResult result) {
        try {
            audit.record(caller, operation, reads);
            return result;
        } catch (AuditUnavailable e) {
            LOG.error("withholding an answer of {} to {}: its personal-data reads could not be audited",
                    operation, caller.subject(), e);
            return ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                    .message("the answer contains personal data and its reading could not be audited, so it was "
                            + "withheld; try again later")
                    .errorType(ApiError.Code.AUDIT_UNAVAILABLE)
                    .extensions(Map.of("code", ApiError.Code.AUDIT_UNAVAILABLE.name())).build()).build();
        }
    }

    private Optional<ExecutionResult> tooManyAliases(Document document) {
        int aliases = AliasCount.of(document);
        if (aliases <= limits.maxAliases()) {
            return Optional.empty();
        }
        return Optional.of(badInput("the operation uses " + aliases + " aliases; at most " + limits.maxAliases()
                + " are allowed"));
    }

    /** A request refused before execution: errors and no data. */
    private static ExecutionResult badInput(String message) {
        return ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ApiError.Code.BAD_USER_INPUT)
                .extensions(Map.of("code", ApiError.Code.BAD_USER_INPUT.name())).build()).build();
    }

    /** The parsed document, or empty when it does not parse (execution then reports the syntax error). */
    private static Optional<Document> parse(GraphQLRequest request) {
        try {
            return Optional.of(Parser.parse(request.query()));
        } catch (InvalidSyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<OperationDefinition> operation(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null) {
            return operations.size() == 1 ? Optional.of(operations.getFirst()) : Optional.empty();
        }
        return operations.stream().filter(op -> operationName.equals(op.getName())).findFirst();
    }

    /**
     * The type of the operation the request would run, or empty when the document does not parse or
     * names no such operation (execution then reports the error).
     */
    public static Optional<OperationDefinition.Operation> operationType(GraphQLRequest request) {
        return parse(request).flatMap(document -> operation(document, request.operationName()))
                .map(OperationDefinition::getOperation);
    }
}
