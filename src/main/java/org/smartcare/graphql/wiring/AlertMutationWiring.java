package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.util.Map;
import org.smartcare.alert.AlertFailure;
import org.smartcare.alert.AlertResult;
import org.smartcare.alert.AlertScope;
import org.smartcare.alert.AlertWorkflow;
import org.smartcare.alert.Dispatch;
import org.smartcare.alert.Outcome;
import org.smartcare.graphql.ApiError;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.Scopes;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.security.Caller;
import org.smartcare.security.Role;

/** The operator workflow mutations; refusals come back as AlertPayload.error. */
@Singleton
public class AlertMutationWiring implements WiringContribution {

    private final AlertWorkflow workflow;

    AlertMutationWiring(AlertWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Mutation", "acknowledgeAlert", env -> act(env, (id, scope, actor) ->
                        workflow.acknowledge(id, scope, actor, env.getArgument("note"))))
                .field("Mutation", "escalateAlert", env -> act(env, (id, scope, actor) ->
                        workflow.escalate(id, scope, actor, env.getArgument("note"))))
                .field("Mutation", "addAlertNote", env -> act(env, (id, scope, actor) ->
                        workflow.addNote(id, scope, actor, env.getArgument("note"))))
                .field("Mutation", "resolveAlert", env -> act(env, (id, scope, actor) ->
                        workflow.resolve(id, scope, actor, Outcome.valueOf(env.getArgument("outcome")),
                                env.getArgument("note"))))
                .field("Mutation", "dispatchAlert", env -> {
                    Map<String, Object> input = env.getArgument("input");
                    Dispatch dispatch = dispatch(input);
                    return act(env, (id, scope, actor) -> workflow.dispatch(id, scope, actor, dispatch,
                            (String) input.get("note")));
                });
    }

    private Map<String, Object> act(DataFetchingEnvironment env, Step step) {
        Caller caller = RequestContext.caller(env);
        if (!caller.is(Role.ADMIN, Role.OPERATOR, Role.INSTITUTION_STAFF)) {
            return payload(null, "FORBIDDEN", caller.role() + " may not change alerts");
        }
        GlobalId id = GlobalId.decode(env.getArgument("id"));
        if (!id.type().equals(AlertWiring.TYPE)) {
            return payload(null, AlertFailure.Code.NOT_FOUND.name(), "not an alert id");
        }
        AlertScope scope = Scopes.alerts(env);
        AlertResult result = step.run(id.longKey(), scope, caller.subject());
        return result.failure() == null ? payload(result.alert(), null, null)
                : payload(null, result.failure().code().name(), result.failure().message());
    }

    private static Dispatch dispatch(Map<String, Object> input) {
        @SuppressWarnings("unchecked")
        Map<String, Object> order = (Map<String, Object>) input.get("order");
        @SuppressWarnings("unchecked")
        Map<String, Object> call = (Map<String, Object>) input.get("call");
        if ((order == null) == (call == null)) {
            throw ApiError.badInput("give exactly one of order or call");
        }
        if (order != null) {
            Long institution = order.get("institution") == null ? null
                    : GlobalId.decode(order.get("institution").toString()).longKey();
            Long caregiver = order.get("caregiver") == null ? null
                    : GlobalId.decode(order.get("caregiver").toString()).longKey();
            return new Dispatch.Order(Dispatch.OrderKind.valueOf(order.get("kind").toString()), institution, caregiver);
        }
        return new Dispatch.ContactCall((Integer) call.get("contactPriority"), (String) call.get("result"));
    }

    private static Map<String, Object> payload(Object alert, String code, String message) {
        java.util.HashMap<String, Object> payload = new java.util.HashMap<>();
        payload.put("alert", alert);
        payload.put("error", code == null ? null : Map.of("code", code, "message", message));
        return payload;
    }

    @FunctionalInterface
    private interface Step {
        AlertResult run(long id, AlertScope scope, String actor);
    }
}
