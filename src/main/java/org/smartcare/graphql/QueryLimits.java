package org.smartcare.graphql;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits that reject abusive operations before they run: nesting depth, estimated cost (list fields
 * count their page size times their children), aliases, and a per-caller request rate.
 */
@ConfigurationProperties("smartcare.graphql.limits")
public record QueryLimits(
        @Bindable(defaultValue = "12") int maxDepth,
        @Bindable(defaultValue = "5000") int maxComplexity,
        @Bindable(defaultValue = "30") int maxAliases,
        @Bindable(defaultValue = "true") boolean introspection,
        @Bindable(defaultValue = "20") int requestsPerSecond,
        @Bindable(defaultValue = "60") int burst) {
}
