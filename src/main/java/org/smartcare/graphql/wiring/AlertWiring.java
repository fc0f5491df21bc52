package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.smartcare.alert.Alert;
import org.smartcare.alert.AlertBoard;
import org.smartcare.alert.AlertFeed;
import org.smartcare.alert.AlertFilter;
import org.smartcare.alert.AlertKind;
import org.smartcare.alert.AlertNotice;
import org.smartcare.alert.AlertPosition;
import org.smartcare.alert.AlertScope;
import org.smartcare.alert.AlertStatistics;
import org.smartcare.alert.AlertStatus;
import org.smartcare.alert.Alerts;
import org.smartcare.alert.RegionPrefix;
import org.smartcare.alert.Severity;
import org.smartcare.device.GeoPoint;
import org.smartcare.graphql.ApiError;
import org.smartcare.graphql.Arguments;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.Loaders;
import org.smartcare.graphql.Paging;
import org.smartcare.graphql.PersonalData;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.Scopes;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.security.Caller;
import org.smartcare.security.PersonalField;
import org.smartcare.security.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

/** Query.alerts, alert, alertStats; Subscription.alertRaised, alertUpdated; the Alert type. */
@Singleton
public class AlertWiring implements WiringContribution {

    static final String TYPE = "Alert";

    private final AlertBoard board;
    private final Alerts alerts;
    private final AlertFeed feed;
    private final AlertStatistics statistics;
    private final PersonalData personal;

    AlertWiring(AlertBoard board, Alerts alerts, AlertFeed feed, AlertStatistics statistics, PersonalData personal) {
        this.board = board;
        this.alerts = alerts;
        this.feed = feed;
        this.statistics = statistics;
        this.personal = personal;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Query", "alerts", this::alerts)
                .field("Query", "alert", env -> visible(env, GlobalId.decode(env.getArgument("id"))))
                .field("Query", "alertStats", this::stats)
                .field("Subscription", "alertRaised", env -> changes(env, AlertNotice.Change.RAISED))
                .field("Subscription", "alertUpdated", env -> changes(env, AlertNotice.Change.UPDATED))
                .field(TYPE, "id", env -> GlobalId.encode(TYPE, env.<Alert>getSource().id()))
                .field(TYPE, "rule", env -> env.<Alert>getSource().rule().name())
                .field(TYPE, "occurredAt", env -> env.<Alert>getSource().sourceEventTs())
                .field(TYPE, "acknowledgeBy", env -> env.<Alert>getSource().ackDeadline())
                .field(TYPE, "secondsToAcknowledge", env -> seconds(env.<Alert>getSource().raisedAt(),
                        env.<Alert>getSource().acknowledgedAt()))
                .field(TYPE, "secondsToResolve", env -> seconds(env.<Alert>getSource().raisedAt(),
                        env.<Alert>getSource().resolvedAt()))
                .field(TYPE, "history", env -> RequestContext.load(env, Loaders.ALERT_HISTORY, env.<Alert>getSource().id()))
                .field(TYPE, "device", env -> RequestContext.load(env, Loaders.DEVICE, env.<Alert>getSource().deviceId()))
                .field(TYPE, "elder", env -> RequestContext.load(env, Loaders.ELDER, env.<Alert>getSource().elderId()))
                .field(TYPE, "institution",
                        env -> RequestContext.load(env, Loaders.INSTITUTION, env.<Alert>getSource().institutionId()))
                .field(TYPE, "location", personal.guard(PersonalField.LOCATION, env -> {
                    Alert alert = env.getSource();
                    return alert.latitude() == null ? null : new GeoPoint(alert.latitude(), alert.longitude());
                }, PersonalData.Owner.<Alert>elder(Alert::elderId)));
    }

    private Map<String, Object> alerts(DataFetchingEnvironment env) {
        AlertScope scope = Scopes.alerts(env);
        int first = Paging.first(env);
        String after = env.getArgument("after");
        AlertBoard.Page page = board.page(scope, filter(env.getArgument("filter")),
                after == null ? null : decodePosition(after), first);
        return Paging.connection(page.alerts(), page.hasMore(), AlertWiring::cursorOf);
    }

    private Object stats(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        Scopes.requireRole(caller, Role.ADMIN, Role.OPERATOR, Role.PARTNER);
        Instant from = env.getArgument("from");
        Instant to = env.getArgument("to");
        if (!from.isBefore(to)) {
            throw ApiError.badInput("from must be before to");
        }
        try {
            return statistics.between(from, to, Scopes.alerts(env), env.getArgument("region"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badInput(e.getMessage());
        }
    }

    /** Used by Query.alert, Query.node and the mutations. */
    public Alert visible(DataFetchingEnvironment env, GlobalId id) {
        if (!id.type().equals(TYPE)) {
            return null;
        }
        AlertScope scope = Scopes.alerts(env);
        return alerts.findById(id.longKey()).filter(scope::includes).orElse(null);
    }

    /**
     * A family member's or partner's subscription checks each alert against their links and consents as they are
     * when it is delivered (a database read off the notification thread), so a revoked consent stops it at once.
     */
    private Publisher<Alert> changes(DataFetchingEnvironment env, AlertNotice.Change which) {
        RequestContext context = RequestContext.of(env);
        AlertScope scope = Scopes.alerts(context);
        boolean perElder = scope.elderIds() != null;
        AlertScope coarse = perElder ? new AlertScope(scope.tenantId(), scope.institutionId()) : scope;
        AlertFilter filter = filter(env.getArgument("filter"));
        return Flux.<Alert>create(sink -> {
            AutoCloseable handle = feed.subscribe(which, change -> {
                if (coarse.includes(change.alert()) && filter.matches(change.alert())
                        && (!perElder || change.alert().elderId() != null)) {
                    sink.next(change.alert());
                }
            });
            sink.onDispose(() -> closeQuietly(handle));
        }, FluxSink.OverflowStrategy.BUFFER).publishOn(Schedulers.boundedElastic())
                .filter(alert -> !perElder || Scopes.alerts(context).includes(alert));
    }

    static AlertFilter filter(Map<String, Object> input) {
        if (input == null) {
            return AlertFilter.ANY;
        }
        try {
            String region = (String) input.get("region");
            return new AlertFilter(Arguments.enums(input.get("status"), AlertStatus.class),
                    Arguments.enums(input.get("severity"), Severity.class), Arguments.enums(input.get("kind"), AlertKind.class),
                    (Instant) input.get("raisedFrom"), (Instant) input.get("raisedTo"),
                    region == null ? null : RegionPrefix.of(region),
                    Arguments.idOf(input.get("institution"), CareWiring.INSTITUTION), Arguments.idOf(input.get("elder"), CareWiring.ELDER));
        } catch (IllegalArgumentException e) {
            throw ApiError.badInput(e.getMessage());
        }
    }



    private static Double seconds(Instant from, Instant to) {
        return to == null ? null : Duration.between(from, to).toMillis() / 1000.0;
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
