package org.smartcare.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shows expected errors as they are and hides everything else behind an id: no stack traces, no SQL. */
final class SafeExceptionHandler implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SafeExceptionHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable failure = unwrap(parameters.getException());
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment());
        if (failure instanceof ApiError api) {
            error.message(api.getMessage()).errorType(api.getErrorType()).extensions(api.getExtensions());
        } else {
            String incident = Long.toHexString(System.nanoTime());
            LOG.error("fetching {} failed (incident {})", parameters.getPath(), incident, failure);
            error.message("internal error (incident " + incident + ")").errorType(ApiError.Code.INTERNAL)
                    .extensions(Map.of("code", ApiError.Code.INTERNAL.name()));
        }
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error.build()).build());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
