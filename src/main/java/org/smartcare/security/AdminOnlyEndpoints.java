package org.smartcare.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Sensitive management endpoints (/prometheus and the like) are for administrators' tokens only. */
@Singleton
@Replaces(SensitiveEndpointRule.class)
public class AdminOnlyEndpoints extends SensitiveEndpointRule {

    AdminOnlyEndpoints(EndpointSensitivityProcessor sensitivity) {
        super(sensitivity);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request,
                                                                        Authentication authentication,
                                                                        ExecutableMethod<?, ?> method) {
        return Mono.just(authentication.getRoles().contains(Role.ADMIN.name())
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
