package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.smartcare.care.Elder;
import org.smartcare.care.ElderData;
import org.smartcare.care.Elders;
import org.smartcare.care.FamilyLinks;
import org.smartcare.care.PartnerConsents;
import org.smartcare.graphql.ApiError;
import org.smartcare.graphql.Arguments;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.Scopes;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.security.Caller;
import org.smartcare.security.Role;

/** linkFamilyMember, unlinkFamilyMember, grantPartnerConsent, revokePartnerConsent: refusals in the payload. */
@Singleton
public class ReaderWiring implements WiringContribution {

    private static final int MAX_SUBJECT = 200;

    private final Elders elders;
    private final FamilyLinks links;
    private final PartnerConsents consents;

    ReaderWiring(Elders elders, FamilyLinks links, PartnerConsents consents) {
        this.elders = elders;
        this.links = links;
        this.consents = consents;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Mutation", "linkFamilyMember", env -> change(env, env.getArgument("elder"),
                        env.getArgument("subject"), elder -> {
                            String relation = env.getArgument("relation");
                            if (relation == null || relation.isBlank()) {
                                return refused("INVALID_INPUT", "a relation is needed");
                            }
                            return changed(links.link(elder.tenantId(), env.getArgument("subject"), elder.id(),
                                    relation.strip()));
                        }))
                .field("Mutation", "unlinkFamilyMember", env -> change(env, env.getArgument("elder"),
                        env.getArgument("subject"), elder -> changed(links.unlink(elder.tenantId(),
                                env.getArgument("subject"), elder.id()))))
                .field("Mutation", "revokePartnerConsent", env -> change(env, env.getArgument("elder"),
                        env.getArgument("partner"), elder -> changed(consents.revoke(elder.tenantId(),
                                env.getArgument("partner"), elder.id(), Instant.now()))))
                .field("Mutation", "grantPartnerConsent", this::grant);
    }

    private Map<String, Object> grant(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        return change(env, input.get("elder"), (String) input.get("partner"), elder -> {
            Set<ElderData> scopes = EnumSet.noneOf(ElderData.class);
            scopes.addAll(Arguments.enums(input.get("scopes"), ElderData.class));
            Instant from = input.get("from") == null ? Instant.now() : (Instant) input.get("from");
            Instant until = (Instant) input.get("until");
            if (scopes.isEmpty()) {
                return refused("INVALID_INPUT", "a consent names at least one category of data");
            }
            if (until != null && !until.isAfter(from)) {
                return refused("INVALID_INPUT", "until must be after from");
            }
            return changed(consents.grant(elder.tenantId(), (String) input.get("partner"), elder.id(), scopes, from,
                    until).changed());
        });
    }

    /** Checks the role, the reader's subject and the elder (in the caller's tenant) before making the change. */
    private Map<String, Object> change(DataFetchingEnvironment env, Object elderId, String subject, Change change) {
        Caller caller = RequestContext.caller(env);
        if (!caller.is(Role.ADMIN, Role.OPERATOR)) {
            return refused("FORBIDDEN", caller.role() + " may not record family links or consents");
        }
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            return refused("INVALID_INPUT", "the reader's subject must be 1 to " + MAX_SUBJECT + " characters");
        }
        Long id;
        try {
            id = Arguments.idOf(elderId, CareWiring.ELDER);
        } catch (ApiError e) {
            return refused("NOT_FOUND", "not an elder id");
        }
        return elders.findById(id).filter(elder -> Scopes.tenant(caller, elder.tenantId()))
                .map(change::apply)
                .orElseGet(() -> refused("NOT_FOUND", "no such elder"));
    }

    private static Map<String, Object> changed(boolean changed) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("changed", changed);
        payload.put("error", null);
        return payload;
    }

    private static Map<String, Object> refused(String code, String message) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("changed", false);
        payload.put("error", Map.of("code", code, "message", message));
        return payload;
    }

    @FunctionalInterface
    private interface Change {
        Map<String, Object> apply(Elder elder);
    }
}
