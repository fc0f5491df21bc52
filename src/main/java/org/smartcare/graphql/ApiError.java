package org.smartcare.graphql;

import graphql.ErrorClassification;
import graphql.GraphqlErrorException;
import java.util.Map;

/** An expected failure reported to the client as is: its message is safe to show. */
public final class ApiError extends GraphqlErrorException {

    /** Error codes placed in {@code extensions.code}. */
    public enum Code implements ErrorClassification {
        BAD_USER_INPUT, FORBIDDEN, NOT_FOUND, INTERNAL,
        /** The answer held personal data whose reading could not be written to the audit trail. */
        AUDIT_UNAVAILABLE
    }

    private ApiError(String message, Code code) {
        super(GraphqlErrorException.newErrorException().message(message)
                .errorClassification(code).extensions(Map.of("code", code.name())));
    }

    public static ApiError badInput(String message) {
        return new ApiError(message, Code.BAD_USER_INPUT);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(message, Code.FORBIDDEN);
    }
}
