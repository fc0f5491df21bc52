package org.smartcare.graphql.wiring;

import static org.smartcare.graphql.wiring.OrderCommands.actor;
import static org.smartcare.graphql.wiring.OrderCommands.error;
import static org.smartcare.graphql.wiring.OrderCommands.mayChange;
import static org.smartcare.graphql.wiring.OrderCommands.refused;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.smartcare.alert.Alerts;
import org.smartcare.care.Elders;
import org.smartcare.graphql.Arguments;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.Scopes;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.order.Actor;
import org.smartcare.order.FollowUp;
import org.smartcare.order.FollowUps;
import org.smartcare.order.LocationFix;
import org.smartcare.order.NewOrder;
import org.smartcare.order.OrderFailure;
import org.smartcare.order.OrderOrigin;
import org.smartcare.order.OrderScope;
import org.smartcare.order.Orders;
import org.smartcare.order.Position;
import org.smartcare.order.Rated;
import org.smartcare.order.ServiceOrder;
import org.smartcare.order.ServiceOrders;
import org.smartcare.order.ServiceType;
import org.smartcare.security.Caller;
import org.smartcare.security.Role;

/**
 * The order workflow mutations. Refusals come back as the payload's error: the order feature's
 * {@link OrderFailure} codes, plus FORBIDDEN for roles that may not change orders (PARTNER, FAMILY).
 */
@Singleton
public class OrderMutationWiring implements WiringContribution {

    private static final String FORBIDDEN = OrderCommands.FORBIDDEN;
    private static final String NOT_FOUND = OrderFailure.Code.NOT_FOUND.name();
    private static final String INVALID = OrderFailure.Code.INVALID_INPUT.name();

    private final ServiceOrders service;
    private final Orders orders;
    private final FollowUps followUps;
    private final Elders elders;
    private final Alerts alerts;

    OrderMutationWiring(ServiceOrders service, Orders orders, FollowUps followUps, Elders elders, Alerts alerts) {
        this.service = service;
        this.orders = orders;
        this.followUps = followUps;
        this.elders = elders;
        this.alerts = alerts;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Mutation", "createServiceOrder", this::create)
                .field("Mutation", "assignServiceOrder", env -> step(env, (id, actor) -> service.assign(id,
                        Arguments.idOf(env.getArgument("caregiver"), OrderWiring.CAREGIVER), actor,
                        env.getArgument("note"))))
                .field("Mutation", "startServiceOrderTravel", env -> step(env, service::startTravel))
                .field("Mutation", "checkIn", env -> step(env, (id, actor) -> service.checkIn(id, fix(env), actor)))
                .field("Mutation", "checkOut", env -> step(env, (id, actor) -> service.checkOut(id, fix(env), actor)))
                .field("Mutation", "cancelServiceOrder",
                        env -> step(env, (id, actor) -> service.cancel(id, env.getArgument("reason"), actor)))
                .field("Mutation", "rateServiceOrder", this::rate)
                .field("Mutation", "closeFollowUp", this::closeFollowUp);
    }

    private Map<String, Object> create(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        if (!mayChange(caller)) {
            return refused(FORBIDDEN, caller.role() + " may not change service orders");
        }
        Map<String, Object> input = env.getArgument("input");
        try {
            long elderId = Arguments.idOf(input.get("elder"), CareWiring.ELDER);
            long institutionId = Arguments.idOf(input.get("institution"), CareWiring.INSTITUTION);
            Long alertId = Arguments.idOf(input.get("alert"), AlertWiring.TYPE);
            if (caller.role() == Role.INSTITUTION_STAFF && institutionId != caller.institutionId()) {
                return refused(FORBIDDEN, "institution staff create orders for their own institution only");
            }
            String tenant = caller.role() == Role.ADMIN
                    ? elders.findById(elderId).map(e -> e.tenantId()).orElse(null) : caller.tenantId();
            if (tenant == null) {
                return refused(NOT_FOUND, "elder " + elderId + " not found");
            }
            if (alertId != null && alerts.findById(alertId).filter(Scopes.alerts(env)::includes)
                    .filter(a -> a.tenantId().equals(tenant)).isEmpty()) {
                return refused(NOT_FOUND, "alert " + alertId + " not found");
            }
            NewOrder request = new NewOrder(tenant, ServiceType.valueOf(input.get("type").toString()), elderId,
                    institutionId, (Instant) input.get("scheduledStart"), (Instant) input.get("scheduledEnd"),
                    OrderOrigin.valueOf(input.get("origin").toString()), alertId, fen(input.get("priceFen")),
                    fen(input.get("subsidyFen")), (String) input.get("idempotencyKey"));
            return payload(service.create(request, actor(caller)), null);
        } catch (OrderFailure failure) {
            return refused(failure.code().name(), failure.getMessage());
        } catch (IllegalArgumentException e) {
            return refused(INVALID, e.getMessage());
        }
    }

    private Map<String, Object> rate(DataFetchingEnvironment env) {
        Map<String, Object> result = new HashMap<>();
        Map<String, Object> payload = step(env, (id, actor) -> {
            Rated rated = service.rate(id, env.<Integer>getArgument("score"), env.getArgument("comment"), actor);
            result.put("followUp", rated.followUp());
            return rated.order();
        });
        payload.put("followUp", result.get("followUp"));
        return payload;
    }

    private Map<String, Object> closeFollowUp(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        Map<String, Object> payload = new HashMap<>();
        if (!mayChange(caller)) {
            return error(payload, FORBIDDEN, caller.role() + " may not change service orders");
        }
        try {
            long id = Arguments.idOf(env.getArgument("id"), OrderWiring.FOLLOW_UP);
            OrderScope scope = Scopes.orders(env);
            boolean visible = followUps.findById(id).flatMap(f -> orders.findById(f.orderId()))
                    .filter(scope::includes).isPresent();
            if (!visible) {
                return error(payload, NOT_FOUND, "follow-up " + id + " not found");
            }
            FollowUp closed = service.closeFollowUp(id, env.getArgument("correctiveNote"), actor(caller));
            payload.put("followUp", closed);
            payload.put("error", null);
            return payload;
        } catch (OrderFailure failure) {
            return error(payload, failure.code().name(), failure.getMessage());
        } catch (IllegalArgumentException e) {
            return error(payload, INVALID, e.getMessage());
        }
    }

    /** Checks role and visibility, runs the step, and maps refusals to the payload's error. */
    private Map<String, Object> step(DataFetchingEnvironment env, Step step) {
        Caller caller = RequestContext.caller(env);
        if (!mayChange(caller)) {
            return refused(FORBIDDEN, caller.role() + " may not change service orders");
        }
        GlobalId id = GlobalId.decode(env.getArgument("id"));
        if (!id.type().equals(OrderWiring.TYPE)) {
            return refused(NOT_FOUND, "not a service order id");
        }
        OrderScope scope = Scopes.orders(env);
        if (orders.findById(id.longKey()).filter(scope::includes).isEmpty()) {
            return refused(NOT_FOUND, "order " + id.longKey() + " not found");
        }
        try {
            return payload(step.run(id.longKey(), actor(caller)), null);
        } catch (OrderFailure failure) {
            return refused(failure.code().name(), failure.getMessage());
        } catch (IllegalArgumentException e) {
            return refused(INVALID, e.getMessage());
        }
    }

    private static LocationFix fix(DataFetchingEnvironment env) {
        Map<String, Object> fix = env.getArgument("fix");
        Object accuracy = fix.get("accuracyM");
        return new LocationFix((Instant) fix.get("at"), new Position(((Number) fix.get("latitude")).doubleValue(),
                ((Number) fix.get("longitude")).doubleValue()), accuracy == null ? null : ((Number) accuracy).doubleValue());
    }

    private static long fen(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Map<String, Object> payload(ServiceOrder order, FollowUp followUp) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("order", order);
        payload.put("followUp", followUp);
        payload.put("error", null);
        return payload;
    }

    @FunctionalInterface
    private interface Step {
        ServiceOrder run(long id, Actor actor);
    }
}
