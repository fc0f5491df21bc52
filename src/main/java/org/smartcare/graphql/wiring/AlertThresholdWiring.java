package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smartcare.alert.StoredThresholds;
import org.smartcare.alert.ThresholdResult;
import org.smartcare.alert.ThresholdScope;
import org.smartcare.alert.ThresholdSetting;
import org.smartcare.graphql.ApiError;
import org.smartcare.graphql.Arguments;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.security.Caller;
import org.smartcare.security.Role;

/** alertThresholds and setAlertThresholds; the values travel as maps keyed by the settings' field names. */
@Singleton
public class AlertThresholdWiring implements WiringContribution {

    private final StoredThresholds thresholds;

    AlertThresholdWiring(StoredThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Query", "alertThresholds", this::read)
                .field("Mutation", "setAlertThresholds", this::set);
    }

    private Map<String, Object> read(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        Optional<ThresholdScope> named = scope(env.getArgument("scope"));
        if (named.isEmpty()) {
            return null;
        }
        ThresholdScope scope = named.get();
        boolean allowed = caller.is(Role.ADMIN)
                || caller.is(Role.OPERATOR) && scope.tenantId().equals(caller.tenantId());
        if (!allowed) {
            throw ApiError.forbidden("only ADMIN, or OPERATOR of the tenant, may read its alert thresholds");
        }
        ThresholdResult result = thresholds.read(scope);
        return result.failure() == null ? view(result) : null;
    }

    private Map<String, Object> set(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        if (!caller.is(Role.ADMIN)) {
            return payload(null, "FORBIDDEN", caller.role() + " may not set alert thresholds", List.of());
        }
        Optional<ThresholdScope> named = scope(env.getArgument("scope"));
        if (named.isEmpty()) {
            return payload(null, "NOT_FOUND", "no such institution or elder", List.of());
        }
        ThresholdScope scope = named.get();
        Map<String, Object> input = env.getArgument("values");
        Map<ThresholdSetting, Integer> values = new EnumMap<>(ThresholdSetting.class);
        for (ThresholdSetting setting : ThresholdSetting.values()) {
            if (input.get(setting.fieldName()) instanceof Integer value) {
                values.put(setting, value);
            }
        }
        ThresholdResult result = thresholds.set(scope, values, caller.subject());
        if (result.failure() != null) {
            String message = result.failure() == ThresholdResult.Failure.NOT_FOUND ? String.join("; ", result.problems())
                    : "the thresholds would not make sense";
            return payload(null, result.failure().name(), message, result.problems());
        }
        return payload(view(result), null, null, List.of());
    }

    /**
     * The scope the input names, with the tenant of the named institution or elder when the input leaves it
     * out (empty when that institution or elder does not exist).
     */
    private Optional<ThresholdScope> scope(Map<String, Object> input) {
        Long institution = Arguments.idOf(input.get("institution"), CareWiring.INSTITUTION);
        Long elder = Arguments.idOf(input.get("elder"), CareWiring.ELDER);
        String tenant = (String) input.get("tenant");
        if (tenant == null && (institution == null) == (elder == null)) {
            throw ApiError.badInput("give the tenant, or one institution or elder");
        }
        Optional<String> owner = tenant != null ? Optional.of(tenant) : thresholds.tenantOf(institution, elder);
        try {
            return owner.map(t -> new ThresholdScope(t, institution, elder));
        } catch (IllegalArgumentException e) {
            throw ApiError.badInput(e.getMessage());
        }
    }

    private static Map<String, Object> view(ThresholdResult result) {
        Map<String, Object> view = new HashMap<>();
        ThresholdScope scope = result.scope();
        view.put("tenant", scope.tenantId());
        view.put("institution", scope.institutionId() == null ? null
                : GlobalId.encode(CareWiring.INSTITUTION, scope.institutionId()));
        view.put("elder", scope.elderId() == null ? null : GlobalId.encode(CareWiring.ELDER, scope.elderId()));
        view.put("override", byFieldName(result.override()));
        view.put("effective", byFieldName(result.effective().values()));
        return view;
    }

    private static Map<String, Integer> byFieldName(Map<ThresholdSetting, Integer> values) {
        Map<String, Integer> named = new HashMap<>();
        values.forEach((setting, value) -> named.put(setting.fieldName(), value));
        return named;
    }

    private static Map<String, Object> payload(Map<String, Object> thresholds, String code, String message,
                                               List<String> problems) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("thresholds", thresholds);
        payload.put("error", code == null ? null : Map.of("code", code, "message", message, "problems", problems));
        return payload;
    }
}
