package org.smartcare.graphql.wiring;

import static org.smartcare.graphql.wiring.OrderCommands.actor;
import static org.smartcare.graphql.wiring.OrderCommands.mayChange;
import static org.smartcare.graphql.wiring.OrderCommands.refused;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smartcare.care.Elders;
import org.smartcare.graphql.ApiError;
import org.smartcare.graphql.Arguments;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.Loaders;
import org.smartcare.graphql.OrderLoaders.OrdersOf;
import org.smartcare.graphql.OrderLoaders.PlansOf;
import org.smartcare.graphql.Paging;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.Scopes;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.order.FollowUp;
import org.smartcare.order.FollowUpFilter;
import org.smartcare.order.NewPlan;
import org.smartcare.order.OrderFailure;
import org.smartcare.order.OrderFilter;
import org.smartcare.order.OrderQueries;
import org.smartcare.order.OrderScope;
import org.smartcare.order.Orders;
import org.smartcare.order.PlanFilter;
import org.smartcare.order.PlanQueries;
import org.smartcare.order.PlanQueries.FollowUpPosition;
import org.smartcare.order.PlanRun;
import org.smartcare.order.Recurrence;
import org.smartcare.order.ServiceOrder;
import org.smartcare.order.ServiceOrders;
import org.smartcare.order.ServicePlan;
import org.smartcare.order.ServicePlanning;
import org.smartcare.order.ServicePlans;
import org.smartcare.order.ServiceType;
import org.smartcare.security.Caller;
import org.smartcare.security.Role;

/**
 * Query.servicePlans and followUps, Elder.servicePlans, FollowUp.order, the ServicePlan type and the plan
 * mutations. Visibility follows the order scope: plans and follow-ups are read like the orders they make.
 */
@Singleton
public class PlanWiring implements WiringContribution {

    static final String TYPE = "ServicePlan";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final int NESTED_MAX = 100;

    private final PlanQueries queries;
    private final ServicePlans plans;
    private final ServicePlanning planning;
    private final ServiceOrders service;
    private final Orders orders;
    private final Elders elders;

    PlanWiring(PlanQueries queries, ServicePlans plans, ServicePlanning planning, ServiceOrders service, Orders orders,
               Elders elders) {
        this.queries = queries;
        this.plans = plans;
        this.planning = planning;
        this.service = service;
        this.orders = orders;
        this.elders = elders;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Query", "servicePlans", this::servicePlans)
                .field("Query", "followUps", this::followUps)
                .field("Mutation", "createServicePlan", this::create)
                .field("Mutation", "endServicePlan", this::end)
                .field("Mutation", "generatePlannedOrders", this::generate)
                .field(CareWiring.ELDER, "servicePlans", env -> RequestContext.load(env, Loaders.PLANS_OF,
                        new PlansOf(env.<org.smartcare.care.Elder>getSource().id(), scope(env))))
                .field(OrderWiring.FOLLOW_UP, "order", env -> RequestContext.<Long, ServiceOrder>load(env, Loaders.ORDER,
                        env.<FollowUp>getSource().orderId()).thenApply(o -> o == null || !scope(env).includes(o) ? null : o))
                .field(TYPE, "id", env -> GlobalId.encode(TYPE, plan(env).id()))
                .field(TYPE, "elder", env -> RequestContext.load(env, Loaders.ELDER, plan(env).elderId()))
                .field(TYPE, "institution", env -> RequestContext.load(env, Loaders.INSTITUTION, plan(env).institutionId()))
                .field(TYPE, "recurrence", env -> plan(env).rule())
                .field(TYPE, "timeOfDay", env -> plan(env).timeOfDay().format(HH_MM))
                .field(TYPE, "generatedThrough", env -> plan(env).lastGeneratedOn())
                .field(TYPE, "orders", this::ordersOfPlan);
    }

    private Map<String, Object> servicePlans(DataFetchingEnvironment env) {
        int first = Paging.first(env);
        String after = env.getArgument("after");
        PlanQueries.Page<ServicePlan> page = queries.plans(scope(env), planFilter(env.getArgument("filter")),
                after == null ? null : planCursor(after), first);
        return Paging.connection(page.rows(), page.hasMore(), p -> Paging.encodeCursor(Long.toString(p.id())));
    }

    private Map<String, Object> followUps(DataFetchingEnvironment env) {
        int first = Paging.first(env);
        String after = env.getArgument("after");
        Map<String, Object> filter = env.getArgument("filter");
        FollowUpFilter followUpFilter = filter == null ? FollowUpFilter.ANY
                : new FollowUpFilter((Boolean) filter.get("open"), (Boolean) filter.get("overdue"));
        PlanQueries.Page<FollowUp> page = queries.followUps(scope(env), followUpFilter,
                after == null ? null : followUpCursor(after), first, Instant.now());
        return Paging.connection(page.rows(), page.hasMore(),
                f -> Paging.encodeCursor(f.dueAt() + "|" + f.id()));
    }

    private Object ordersOfPlan(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        int limit = first == null ? 10 : first;
        if (limit < 1 || limit > NESTED_MAX) {
            throw ApiError.badInput("first must be between 1 and " + NESTED_MAX + ", got " + limit);
        }
        return RequestContext.load(env, Loaders.ORDERS_OF,
                new OrdersOf(OrderQueries.Parent.PLAN, plan(env).id(), scope(env), OrderFilter.ANY, limit));
    }

    private Map<String, Object> create(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        if (!mayChange(caller)) {
            return planRefused(OrderCommands.FORBIDDEN, caller.role() + " may not change service plans");
        }
        Map<String, Object> input = env.getArgument("input");
        try {
            long elderId = Arguments.idOf(input.get("elder"), CareWiring.ELDER);
            long institutionId = Arguments.idOf(input.get("institution"), CareWiring.INSTITUTION);
            if (caller.role() == Role.INSTITUTION_STAFF && institutionId != caller.institutionId()) {
                return planRefused(OrderCommands.FORBIDDEN, "institution staff plan services of their own institution only");
            }
            String tenant = caller.role() == Role.ADMIN
                    ? elders.findById(elderId).map(e -> e.tenantId()).orElse(null) : caller.tenantId();
            if (tenant == null) {
                return planRefused(OrderFailure.Code.NOT_FOUND.name(), "elder " + elderId + " not found");
            }
            NewPlan request = new NewPlan(tenant, elderId, institutionId, ServiceType.valueOf(input.get("type").toString()),
                    Recurrence.parse((String) input.get("recurrence")), timeOfDay((String) input.get("timeOfDay")),
                    (Integer) input.get("durationMinutes"), fen(input.get("priceFen")), fen(input.get("subsidyFen")),
                    (LocalDate) input.get("startsOn"), (LocalDate) input.get("endsOn"),
                    (String) input.get("idempotencyKey"));
            return planPayload(planning.start(request, actor(caller)), List.of());
        } catch (OrderFailure failure) {
            return planRefused(failure.code().name(), failure.getMessage());
        } catch (IllegalArgumentException e) {
            return planRefused(OrderFailure.Code.INVALID_INPUT.name(), e.getMessage());
        }
    }

    private Map<String, Object> end(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        if (!mayChange(caller)) {
            return planRefused(OrderCommands.FORBIDDEN, caller.role() + " may not change service plans");
        }
        try {
            long id = Arguments.idOf(env.getArgument("id"), TYPE);
            OrderScope scope = Scopes.orders(env);
            if (plans.findById(id).filter(scope::includes).isEmpty()) {
                return planRefused(OrderFailure.Code.NOT_FOUND.name(), "plan " + id + " not found");
            }
            LocalDate lastDay = env.getArgument("lastDay");
            ServicePlanning.Ended ended = planning.end(id, lastDay == null ? LocalDate.now(CHINA) : lastDay,
                    env.getArgument("reason"), actor(caller));
            return planPayload(ended.plan(), orders.findByIdIn(ended.cancelledOrderIds()));
        } catch (OrderFailure failure) {
            return planRefused(failure.code().name(), failure.getMessage());
        } catch (IllegalArgumentException e) {
            return planRefused(OrderFailure.Code.INVALID_INPUT.name(), e.getMessage());
        }
    }

    private Map<String, Object> generate(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        if (!caller.is(Role.ADMIN, Role.OPERATOR)) {
            return runRefused(OrderCommands.FORBIDDEN, caller.role() + " may not generate planned orders");
        }
        try {
            PlanRun run = service.generatePlannedOrders(env.getArgument("from"), env.getArgument("to"), actor(caller));
            Map<String, Object> payload = new HashMap<>();
            payload.put("plans", run.plans());
            payload.put("created", run.created());
            payload.put("error", null);
            return payload;
        } catch (OrderFailure failure) {
            return runRefused(failure.code().name(), failure.getMessage());
        }
    }

    private static Map<String, Object> planPayload(ServicePlan plan, List<ServiceOrder> cancelled) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("plan", plan);
        payload.put("cancelledOrders", cancelled);
        payload.put("error", null);
        return payload;
    }

    private static Map<String, Object> planRefused(String code, String message) {
        Map<String, Object> payload = refused(code, message);
        payload.put("cancelledOrders", List.of());
        return payload;
    }

    private static Map<String, Object> runRefused(String code, String message) {
        Map<String, Object> payload = refused(code, message);
        payload.put("plans", 0);
        payload.put("created", 0);
        return payload;
    }

    private static OrderScope scope(DataFetchingEnvironment env) {
        return Scopes.orders(env);
    }

    private static ServicePlan plan(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static LocalTime timeOfDay(String text) {
        try {
            return LocalTime.parse(text, HH_MM);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("timeOfDay must be HH:mm (00:00 to 23:59), got " + text);
        }
    }

    private static long fen(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static PlanFilter planFilter(Map<String, Object> input) {
        if (input == null) {
            return PlanFilter.ANY;
        }
        try {
            return new PlanFilter(Arguments.enums(input.get("type"), ServiceType.class),
                    Arguments.idOf(input.get("elder"), CareWiring.ELDER),
                    Arguments.idOf(input.get("institution"), CareWiring.INSTITUTION), (Boolean) input.get("active"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badInput(e.getMessage());
        }
    }

    private static Long planCursor(String cursor) {
        try {
            return Long.parseLong(Paging.decodeCursor(cursor));
        } catch (NumberFormatException e) {
            throw ApiError.badInput("invalid cursor");
        }
    }

    private static FollowUpPosition followUpCursor(String cursor) {
        String[] parts = Paging.decodeCursor(cursor).split("\\|");
        try {
            return new FollowUpPosition(Instant.parse(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw ApiError.badInput("invalid cursor");
        }
    }
}
