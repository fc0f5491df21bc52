package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.reactivestreams.Publisher;
import org.smartcare.alert.Alert;
import org.smartcare.alert.AlertBoard;
import org.smartcare.alert.AlertFeed;
import org.smartcare.alert.AlertFilter;
import org.smartcare.alert.AlertKind;
import org.smartcare.alert.AlertPosition;
import org.smartcare.alert.AlertScope;
import org.smartcare.alert.AlertStatus;
import org.smartcare.alert.Alerts;
import org.smartcare.alert.Severity;
import org.smartcare.device.GeoPoint;
import org.smartcare.graphql.ApiError;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.Loaders;
import org.smartcare.graphql.Paging;
import org.smartcare.graphql.PersonalData;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.Scopes;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.security.PersonalField;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

/** Query.alerts, Query.alert, Subscription.alertRaised and the Alert type's associations. */
@Singleton
public class AlertWiring implements WiringContribution {

    static final String TYPE = "Alert";

    private final AlertBoard board;
    private final Alerts alerts;
    private final AlertFeed feed;
    private final PersonalData personal;

    AlertWiring(AlertBoard board, Alerts alerts, AlertFeed feed, PersonalData personal) {
        this.board = board;
        this.alerts = alerts;
        this.feed = feed;
        this.personal = personal;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Query", "alerts", this::alerts)
                .field("Query", "alert", env -> visible(env, GlobalId.decode(env.getArgument("id"))))
                .field("Subscription", "alertRaised", this::alertRaised)
                .field(TYPE, "id", env -> GlobalId.encode(TYPE, env.<Alert>getSource().id()))
                .field(TYPE, "occurredAt", env -> env.<Alert>getSource().sourceEventTs())
                .field(TYPE, "device", env -> RequestContext.load(env, Loaders.DEVICE, env.<Alert>getSource().deviceId()))
                .field(TYPE, "elder", env -> RequestContext.load(env, Loaders.ELDER, env.<Alert>getSource().elderId()))
                .field(TYPE, "institution",
                        env -> RequestContext.load(env, Loaders.INSTITUTION, env.<Alert>getSource().institutionId()))
                .field(TYPE, "location", personal.guard(PersonalField.LOCATION, env -> {
                    Alert alert = env.getSource();
                    return alert.latitude() == null ? null : new GeoPoint(alert.latitude(), alert.longitude());
                }));
    }

    private Map<String, Object> alerts(DataFetchingEnvironment env) {
        AlertScope scope = Scopes.alerts(RequestContext.caller(env));
        int first = Paging.first(env);
        String after = env.getArgument("after");
        AlertBoard.Page page = board.page(scope, filter(env.getArgument("filter")),
                after == null ? null : decodePosition(after), first);
        return Paging.connection(page.alerts(), page.hasMore(), AlertWiring::cursorOf);
    }

    /** Used by Query.alert and Query.node. */
    public Alert visible(DataFetchingEnvironment env, GlobalId id) {
        if (!id.type().equals(TYPE)) {
            return null;
        }
        AlertScope scope = Scopes.alerts(RequestContext.caller(env));
        return alerts.findById(id.longKey()).filter(scope::includes).orElse(null);
    }

    private Publisher<Alert> alertRaised(DataFetchingEnvironment env) {
        AlertScope scope = Scopes.alerts(RequestContext.caller(env));
        AlertFilter filter = filter(env.getArgument("filter"));
        return Flux.<Alert>create(sink -> {
            AutoCloseable handle = feed.subscribe(alert -> {
                if (scope.includes(alert) && filter.matches(alert)) {
                    sink.next(alert);
                }
            });
            sink.onDispose(() -> closeQuietly(handle));
        }, FluxSink.OverflowStrategy.BUFFER).publishOn(Schedulers.boundedElastic());
    }

    static AlertFilter filter(Map<String, Object> input) {
        if (input == null) {
            return AlertFilter.ANY;
        }
        try {
            return new AlertFilter(enums(input.get("status"), AlertStatus.class),
                    enums(input.get("severity"), Severity.class), enums(input.get("kind"), AlertKind.class),
                    (Instant) input.get("raisedFrom"), (Instant) input.get("raisedTo"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badInput(e.getMessage());
        }
    }

    private static <E extends Enum<E>> Set<E> enums(Object values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values instanceof Collection<?> names) {
            names.forEach(name -> set.add(Enum.valueOf(type, name.toString())));
        }
        return set;
    }

    static String cursorOf(Alert alert) {
        return Paging.encodeCursor(alert.raisedAt() + "|" + alert.id());
    }

    static AlertPosition decodePosition(String cursor) {
        String[] parts = Paging.decodeCursor(cursor).split("\\|");
        try {
            return new AlertPosition(Instant.parse(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw ApiError.badInput("invalid cursor");
        }
    }

    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception ignored) {
            // unsubscribing from an in-memory list cannot fail in a way worth reporting
        }
    }
}
