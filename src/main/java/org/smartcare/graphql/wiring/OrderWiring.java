package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.smartcare.alert.Alert;
import org.smartcare.care.Elder;
import org.smartcare.care.Institution;
import org.smartcare.device.GeoPoint;
import org.smartcare.graphql.ApiError;
import org.smartcare.graphql.Arguments;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.Loaders;
import org.smartcare.graphql.OrderLoaders.OrdersOf;
import org.smartcare.graphql.Paging;
import org.smartcare.graphql.PersonalData;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.Scopes;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.order.Caregiver;
import org.smartcare.order.Caregivers;
import org.smartcare.order.FollowUp;
import org.smartcare.order.LocationFix;
import org.smartcare.order.OrderFilter;
import org.smartcare.order.OrderOrigin;
import org.smartcare.order.OrderPosition;
import org.smartcare.order.OrderQueries;
import org.smartcare.order.OrderScope;
import org.smartcare.order.OrderState;
import org.smartcare.order.OrderStatistics;
import org.smartcare.order.Orders;
import org.smartcare.order.Position;
import org.smartcare.order.ServiceOrder;
import org.smartcare.order.ServiceType;
import org.smartcare.order.TrackWindow;
import org.smartcare.security.Caller;
import org.smartcare.security.PersonalField;
import org.smartcare.security.Role;

/**
 * Query.serviceOrders, serviceOrder, orderStats; Elder/Institution/Alert.serviceOrders; the ServiceOrder,
 * Caregiver, OrderFix, TrackPoint and FollowUp types. The mutations are in {@link OrderMutationWiring}.
 */
@Singleton
public class OrderWiring implements WiringContribution {

    static final String TYPE = "ServiceOrder";
    static final String CAREGIVER = "Caregiver";
    static final String FOLLOW_UP = "FollowUp";
    private static final int NESTED_MAX = 100;

    private final OrderQueries queries;
    private final Orders orders;
    private final Caregivers caregivers;
    private final OrderStatistics statistics;
    private final PersonalData personal;

    OrderWiring(OrderQueries queries, Orders orders, Caregivers caregivers, OrderStatistics statistics,
                PersonalData personal) {
        this.queries = queries;
        this.orders = orders;
        this.caregivers = caregivers;
        this.statistics = statistics;
        this.personal = personal;
    }

    /** A check-in or check-out as the API shows it; the position is at the elder's home, so it is theirs. */
    public record OrderFix(Instant at, GeoPoint location, long elderId) {

        static final PersonalData.Owner OWNER = PersonalData.Owner.<OrderFix>elder(OrderFix::elderId);
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Query", "serviceOrders", this::serviceOrders)
                .field("Query", "serviceOrder", env -> visible(env, GlobalId.decode(env.getArgument("id"))))
                .field("Query", "orderStats", this::stats)
                .field(CareWiring.ELDER, "serviceOrders",
                        env -> nested(env, OrderQueries.Parent.ELDER, env.<Elder>getSource().id()))
                .field(CareWiring.INSTITUTION, "serviceOrders",
                        env -> nested(env, OrderQueries.Parent.INSTITUTION, env.<Institution>getSource().id()))
                .field(AlertWiring.TYPE, "serviceOrders",
                        env -> nested(env, OrderQueries.Parent.ALERT, env.<Alert>getSource().id()));
        orderFields(registry);
        registry.field(CAREGIVER, "id", env -> GlobalId.encode(CAREGIVER, env.<Caregiver>getSource().id()))
                .field(CAREGIVER, "phone", personal.mask(PersonalField.PHONE, Caregiver::phone,
                        PersonalData.Owner.<Caregiver>caregiver(Caregiver::id)))
                .field(CAREGIVER, "certified",
                        env -> env.<Caregiver>getSource().certifiedOn(LocalDate.now(ZoneId.of("Asia/Shanghai"))))
                .field(CAREGIVER, "institution",
                        env -> RequestContext.load(env, Loaders.INSTITUTION, env.<Caregiver>getSource().institutionId()))
                .field("OrderFix", "location", personal.guard(PersonalField.LOCATION,
                        env -> env.<OrderFix>getSource().location(), OrderFix.OWNER))
                .field("TrackPoint", "at", env -> env.<LocationFix>getSource().at())
                .field("TrackPoint", "latitude", env -> env.<LocationFix>getSource().position().latitude())
                .field("TrackPoint", "longitude", env -> env.<LocationFix>getSource().position().longitude())
                .field(FOLLOW_UP, "id", env -> GlobalId.encode(FOLLOW_UP, env.<FollowUp>getSource().id()))
                .field(FOLLOW_UP, "overdue", env -> env.<FollowUp>getSource().isOverdue(Instant.now()));
    }

    private void orderFields(FetcherRegistry registry) {
        registry.field(TYPE, "id", env -> GlobalId.encode(TYPE, order(env).id()))
                .field(TYPE, "elder", env -> RequestContext.load(env, Loaders.ELDER, order(env).elderId()))
                .field(TYPE, "institution", env -> RequestContext.load(env, Loaders.INSTITUTION, order(env).institutionId()))
                .field(TYPE, "caregiver", env -> RequestContext.load(env, Loaders.CAREGIVER, order(env).caregiverId()))
                .field(TYPE, "alert", env -> RequestContext.<Long, Alert>load(env, Loaders.ALERT, order(env).alertId())
                        .thenApply(alert -> alert == null || !Scopes.alerts(env).includes(alert)
                                ? null : alert))
                .field(TYPE, "payableFen", env -> order(env).payableFen())
                .field(TYPE, "checkIn", env -> fix(order(env), order(env).checkInAt(), order(env).checkInPosition()))
                .field(TYPE, "checkOut", env -> fix(order(env), order(env).checkOutAt(), order(env).checkOutPosition()))
                .field(TYPE, "minutesInService", env -> {
                    Duration served = order(env).timeInService();
                    return served == null ? null : served.toMillis() / 60_000.0;
                })
                .field(TYPE, "anomalies", env -> RequestContext.load(env, Loaders.ORDER_ANOMALIES, order(env).id()))
                .field(TYPE, "rating", env -> RequestContext.load(env, Loaders.ORDER_RATING, order(env).id()))
                .field(TYPE, "followUp", env -> RequestContext.load(env, Loaders.ORDER_FOLLOW_UP, order(env).id()))
                .field(TYPE, "history", env -> RequestContext.load(env, Loaders.ORDER_HISTORY, order(env).id()))
                .field(TYPE, "track", personal.guard(PersonalField.LOCATION, env -> {
                    TrackWindow window = TrackWindow.of(order(env), Instant.now());
                    return window == null ? CompletableFuture.completedFuture(List.of())
                            : RequestContext.load(env, Loaders.ORDER_TRACK, window);
                }, PersonalData.Owner.<ServiceOrder>caregiver(ServiceOrder::caregiverId)));
    }

    private Map<String, Object> serviceOrders(DataFetchingEnvironment env) {
        OrderScope scope = Scopes.orders(env);
        int first = Paging.first(env);
        String after = env.getArgument("after");
        OrderQueries.Page page = queries.page(scope, filter(env.getArgument("filter")),
                after == null ? null : decodePosition(after), first);
        return Paging.connection(page.orders(), page.hasMore(), OrderWiring::cursorOf);
    }

    private CompletableFuture<Object> nested(DataFetchingEnvironment env, OrderQueries.Parent parent, Long parentId) {
        OrderScope scope = Scopes.orders(env);
        Integer first = env.getArgument("first");
        int limit = first == null ? 10 : first;
        if (limit < 1 || limit > NESTED_MAX) {
            throw ApiError.badInput("first must be between 1 and " + NESTED_MAX + ", got " + limit);
        }
        return RequestContext.load(env, Loaders.ORDERS_OF,
                new OrdersOf(parent, parentId, scope, filter(env.getArgument("filter")), limit));
    }

    private Object stats(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        Scopes.requireRole(caller, Role.ADMIN, Role.OPERATOR, Role.PARTNER, Role.INSTITUTION_STAFF);
        Instant from = env.getArgument("from");
        Instant to = env.getArgument("to");
        try {
            return statistics.between(from, to, Scopes.orders(env), env.getArgument("region"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badInput(e.getMessage());
        }
    }

    /** Used by Query.serviceOrder, Query.node and the mutations. */
    ServiceOrder visible(DataFetchingEnvironment env, GlobalId id) {
        if (!id.type().equals(TYPE)) {
            return null;
        }
        OrderScope scope = Scopes.orders(env);
        return orders.findById(id.longKey()).filter(scope::includes).orElse(null);
    }

    /** Used by Query.node: a caregiver of the caller's tenant (and institution, for staff). */
    Caregiver visibleCaregiver(DataFetchingEnvironment env, GlobalId id) {
        OrderScope scope = Scopes.orders(env);
        if (scope.elderIds() != null) {
            return null; // family members and partners see a caregiver only on their elders' orders
        }
        return caregivers.findById(id.longKey())
                .filter(c -> scope.tenantId() == null || scope.tenantId().equals(c.tenantId()))
                .filter(c -> scope.institutionId() == null || scope.institutionId() == c.institutionId())
                .orElse(null);
    }

    static OrderFilter filter(Map<String, Object> input) {
        if (input == null) {
            return OrderFilter.ANY;
        }
        try {
            return new OrderFilter(Arguments.enums(input.get("state"), OrderState.class), Arguments.enums(input.get("type"), ServiceType.class),
                    Arguments.enums(input.get("origin"), OrderOrigin.class), Arguments.idOf(input.get("elder"), CareWiring.ELDER),
                    Arguments.idOf(input.get("institution"), CareWiring.INSTITUTION), Arguments.idOf(input.get("caregiver"), CAREGIVER),
                    Arguments.idOf(input.get("alert"), AlertWiring.TYPE), (Instant) input.get("scheduledFrom"),
                    (Instant) input.get("scheduledTo"), (Boolean) input.get("anomalous"), (String) input.get("region"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badInput(e.getMessage());
        }
    }



    private static ServiceOrder order(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static OrderFix fix(ServiceOrder order, Instant at, Position position) {
        return at == null ? null
                : new OrderFix(at, new GeoPoint(position.latitude(), position.longitude()), order.elderId());
    }

    static String cursorOf(ServiceOrder order) {
        return Paging.encodeCursor(order.scheduledStart() + "|" + order.id());
    }

    static OrderPosition decodePosition(String cursor) {
        String[] parts = Paging.decodeCursor(cursor).split("\\|");
        try {
            return new OrderPosition(Instant.parse(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw ApiError.badInput("invalid cursor");
        }
    }
}
