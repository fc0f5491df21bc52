package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.smartcare.graphql.ApiError;
import org.smartcare.graphql.Arguments;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.Paging;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.Scopes;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.ingest.DeadLetter;
import org.smartcare.ingest.DeadLetterFilter;
import org.smartcare.ingest.DeadLetterReason;
import org.smartcare.ingest.DeadLetters;
import org.smartcare.security.Caller;
import org.smartcare.security.Role;

/** Query.deadLetters, for the people who keep the devices running. */
@Singleton
public class DeadLetterWiring implements WiringContribution {

    static final String TYPE = "DeadLetter";

    private final DeadLetters deadLetters;

    DeadLetterWiring(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Query", "deadLetters", this::deadLetters)
                .field(TYPE, "id", env -> GlobalId.encode(TYPE, env.<DeadLetter>getSource().id()));
    }

    private Map<String, Object> deadLetters(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        Scopes.requireRole(caller, Role.ADMIN, Role.OPERATOR);
        int first = Paging.first(env);
        String after = env.getArgument("after");
        Long beforeId = null;
        if (after != null) {
            try {
                beforeId = Long.parseLong(Paging.decodeCursor(after));
            } catch (NumberFormatException e) {
                throw ApiError.badInput("invalid cursor");
            }
        }
        List<DeadLetter> page = deadLetters.recent(filter(env, caller), beforeId, first + 1);
        boolean more = page.size() > first;
        return Paging.connection(more ? page.subList(0, first) : page, more,
                letter -> Paging.encodeCursor(Long.toString(letter.id())));
    }

    /** An operator sees the letters of their own tenant's devices; the administrator sees every letter. */
    private static DeadLetterFilter filter(DataFetchingEnvironment env, Caller caller) {
        Map<String, Object> input = env.getArgumentOrDefault("filter", Map.of());
        String tenant = caller.role() == Role.ADMIN ? null : caller.tenantId();
        return new DeadLetterFilter(tenant, Arguments.enums(input.get("reasons"), DeadLetterReason.class),
                (String) input.get("deviceId"), (Instant) input.get("from"), (Instant) input.get("to"));
    }
}
