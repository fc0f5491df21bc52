package org.smartcare.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Errors never leak stack traces or SQL: an unexpected failure is shown as an incident id only. */
class SafeExceptionHandlerTest {

    @Test
    void anUnexpectedFailureBecomesAnIncidentWithoutItsMessage() throws Exception {
        GraphQLError error = handle(new CompletionException(new IllegalStateException(
                "ERROR: relation \"elder\" ... SELECT national_id FROM elder WHERE id = 7")));
        assertTrue(error.getMessage().startsWith("internal error (incident "), error.getMessage());
        assertFalse(error.getMessage().contains("SELECT") || error.getMessage().contains("elder"), error.getMessage());
        assertEquals("INTERNAL", error.getExtensions().get("code"));
        assertFalse(error.toSpecification().toString().contains("Exception"), error.toSpecification().toString());
    }

    @Test
    void anExpectedRefusalIsShownAsIs() throws Exception {
        GraphQLError error = handle(ApiError.badInput("first must be between 1 and 100, got 0"));
        assertEquals("first must be between 1 and 100, got 0", error.getMessage());
        assertEquals("BAD_USER_INPUT", error.getExtensions().get("code"));
    }

    private static GraphQLError handle(Throwable failure) throws Exception {
        DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .mergedField(MergedField.newMergedField(Field.newField("alerts")
                        .sourceLocation(new graphql.language.SourceLocation(1, 3)).build()).build())
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
                        .path(ResultPath.rootPath().segment("alerts")).build())
                .build();
        return new SafeExceptionHandler().handleException(DataFetcherExceptionHandlerParameters.newExceptionParameters()
                .dataFetchingEnvironment(env).exception(failure).build()).get().getErrors().getFirst();
    }
}
