package org.smartcare.graphql;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.MappedBatchLoader;
import org.smartcare.alert.Alert;
import org.smartcare.alert.Alerts;
import org.smartcare.order.Caregiver;
import org.smartcare.order.CaregiverLocations;
import org.smartcare.order.Caregivers;
import org.smartcare.order.FollowUp;
import org.smartcare.order.FollowUps;
import org.smartcare.order.LocationFix;
import org.smartcare.order.OrderAnomalies;
import org.smartcare.order.OrderAnomaly;
import org.smartcare.order.OrderFilter;
import org.smartcare.order.OrderQueries;
import org.smartcare.order.OrderScope;
import org.smartcare.order.OrderTransition;
import org.smartcare.order.OrderTransitions;
import org.smartcare.order.Orders;
import org.smartcare.order.PlanQueries;
import org.smartcare.order.ServicePlan;
import org.smartcare.order.Rating;
import org.smartcare.order.Ratings;
import org.smartcare.order.ServiceOrder;
import org.smartcare.order.TrackWindow;

/** The batch loaders of the order feature, registered by {@link Loaders}: one statement per association and level. */
@Singleton
public class OrderLoaders {

    /** The latest orders of one elder, institution or alert, as one reader may see them. */
    public record OrdersOf(OrderQueries.Parent parent, long parentId, OrderScope scope, OrderFilter filter, int limit) {

        private Group group() {
            return new Group(parent, scope, filter, limit);
        }
    }

    /** The plans of one elder, as one reader may see them. */
    public record PlansOf(long elderId, OrderScope scope) {
    }

    private record Group(OrderQueries.Parent parent, OrderScope scope, OrderFilter filter, int limit) {
    }

    private final OrderQueries queries;
    private final PlanQueries plans;
    private final Orders orders;
    private final Caregivers caregivers;
    private final OrderAnomalies anomalies;
    private final Ratings ratings;
    private final FollowUps followUps;
    private final OrderTransitions transitions;
    private final CaregiverLocations locations;
    private final Alerts alerts;

    OrderLoaders(OrderQueries queries, PlanQueries plans, Orders orders, Caregivers caregivers, OrderAnomalies anomalies, Ratings ratings,
                 FollowUps followUps, OrderTransitions transitions, CaregiverLocations locations, Alerts alerts) {
        this.queries = queries;
        this.plans = plans;
        this.orders = orders;
        this.caregivers = caregivers;
        this.anomalies = anomalies;
        this.ratings = ratings;
        this.followUps = followUps;
        this.transitions = transitions;
        this.locations = locations;
        this.alerts = alerts;
    }

    MappedBatchLoader<OrdersOf, List<ServiceOrder>> ordersOf() {
        return keys -> {
            Map<OrdersOf, List<ServiceOrder>> result = new HashMap<>();
            keys.stream().collect(Collectors.groupingBy(OrdersOf::group)).forEach((group, members) -> {
                Map<Long, List<ServiceOrder>> byParent = queries.latestOf(group.parent(),
                        members.stream().map(OrdersOf::parentId).collect(Collectors.toSet()), group.scope(),
                        group.filter(), group.limit());
                members.forEach(key -> result.put(key, byParent.getOrDefault(key.parentId(), List.of())));
            });
            return CompletableFuture.completedFuture(result);
        };
    }

    MappedBatchLoader<PlansOf, List<ServicePlan>> plansOf() {
        return keys -> {
            Map<PlansOf, List<ServicePlan>> result = new HashMap<>();
            keys.stream().collect(Collectors.groupingBy(PlansOf::scope)).forEach((scope, members) -> {
                Map<Long, List<ServicePlan>> byElder = plans.plansOf(
                        members.stream().map(PlansOf::elderId).collect(Collectors.toSet()), scope);
                members.forEach(key -> result.put(key, byElder.getOrDefault(key.elderId(), List.of())));
            });
            return CompletableFuture.completedFuture(result);
        };
    }

    MappedBatchLoader<Long, ServiceOrder> orders() {
        return byKey(ids -> orders.findByIdIn(ids), ServiceOrder::id);
    }

    MappedBatchLoader<Long, Caregiver> caregivers() {
        return byKey(ids -> caregivers.findByIdIn(ids), Caregiver::id);
    }

    MappedBatchLoader<Long, Alert> alerts() {
        return byKey(ids -> alerts.findByIdIn(ids), Alert::id);
    }

    MappedBatchLoader<Long, Rating> ratings() {
        return byKey(ids -> ratings.findByOrderIdIn(ids), Rating::orderId);
    }

    MappedBatchLoader<Long, FollowUp> followUps() {
        return byKey(ids -> followUps.findByOrderIdIn(ids), FollowUp::orderId);
    }

    MappedBatchLoader<Long, List<OrderAnomaly>> anomalies() {
        return grouped(ids -> anomalies.findByOrderIdInOrderById(ids), OrderAnomaly::orderId);
    }

    MappedBatchLoader<Long, List<OrderTransition>> histories() {
        return grouped(ids -> transitions.findByOrderIdInOrderById(ids), OrderTransition::orderId);
    }

    MappedBatchLoader<TrackWindow, List<LocationFix>> tracks() {
        return windows -> {
            Map<Long, List<LocationFix>> byOrder = locations.tracks(windows);
            return CompletableFuture.completedFuture(windows.stream()
                    .collect(Collectors.toMap(Function.identity(), w -> byOrder.getOrDefault(w.orderId(), List.of()))));
        };
    }

    private static <K, V> MappedBatchLoader<K, V> byKey(Function<Set<K>, Collection<V>> query, Function<V, K> keyOf) {
        return keys -> CompletableFuture.completedFuture(
                query.apply(keys).stream().collect(Collectors.toMap(keyOf, Function.identity(), (a, b) -> a)));
    }

    private static <V> MappedBatchLoader<Long, List<V>> grouped(Function<Set<Long>, Collection<V>> query,
                                                                Function<V, Long> keyOf) {
        return keys -> {
            Map<Long, List<V>> byKey = query.apply(keys).stream().collect(Collectors.groupingBy(keyOf));
            keys.forEach(key -> byKey.putIfAbsent(key, List.of()));
            return CompletableFuture.completedFuture(byKey);
        };
    }
}
