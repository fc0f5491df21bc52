package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;

/** What a workflow step produced: the alert as it now is, or why the step was refused. */
public record AlertResult(@Nullable Alert alert, @Nullable AlertFailure failure) {

    static AlertResult ok(Alert alert) {
        return new AlertResult(alert, null);
    }

    static AlertResult refused(AlertFailure failure) {
        return new AlertResult(null, failure);
    }
}
