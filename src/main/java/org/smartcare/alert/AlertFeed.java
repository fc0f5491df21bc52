package org.smartcare.alert;

import io.micronaut.context.annotation.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.propagation.PropagatedContext;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.notices.DatabaseNotices;
import org.smartcare.notices.NoticeListener;

/**
 * Hears every committed alert, from any instance, through LISTEN ({@link NoticeListener}), loads it once and hands
 * it to the local subscribers.
 * <p>
 * The notices that arrived together are loaded in one query, and raises are delivered before updates: when
 * many alerts change at once (repeats folded into open alerts, a round of escalations), an SOS must not wait
 * for each of them to be loaded one by one. Nothing is loaded for a kind of change no local subscriber wants.
 * <p>
 * An alert raised by this instance does not wait for its notice: the raising transaction hands it over as it
 * commits ({@link #raisedHere}), and its notice is then skipped here. Whichever of the two comes first delivers it,
 * once; other instances hear the notice as before.
 */
@Context
public class AlertFeed {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
    /** A raise's notice follows its commit within milliseconds; past this a remembered hand-over is forgotten. */
    private static final long REMEMBER_NANOS = TimeUnit.MINUTES.toNanos(2);
    private static final int PRUNE_ABOVE = 1_000;
    private static final long PRUNE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Alerts alerts;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Timer raiseToHandOff;
    private final Timer loading;
    private final Counter handedHere;
    private final Counter handedFromNotice;
    /** Ids of raises already handed to the subscribers, with when: each is delivered once, by either way. */
    private final Map<Long, Long> handedRaises = new ConcurrentHashMap<>();
    private volatile long nextPrune = System.nanoTime();
    private final NoticeListener listener;

    AlertFeed(Alerts alerts, MeterRegistry registry, DatabaseNotices notices) {
        this.alerts = alerts;
        // Where an alert's way to an operator's screen goes: the commit (and for a raise of another instance, the
        // notice and the load) here; GraphQL and the socket after.
        this.raiseToHandOff = Timer.builder("smartcare.alerts.feed.delay")
                .description("start of the transaction that raised an alert to its hand-off to this instance's "
                        + "subscribers (commit; for a raise of another instance also the notice and the load)")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.loading = Timer.builder("smartcare.alerts.feed.load")
                .description("loading the alerts of the notices that arrived together").publishPercentiles(0.5, 0.99)
                .register(registry);
        this.handedHere = Counter.builder("smartcare.alerts.feed.raises").tag("from", "transaction")
                .description("raises handed to subscribers by this instance's committing transaction")
                .register(registry);
        this.handedFromNotice = Counter.builder("smartcare.alerts.feed.raises").tag("from", "notice")
                .description("raises handed to subscribers when their notice arrived (raised by another instance, "
                        + "or the notice came first)").register(registry);
        this.listener = notices.listen("alert-feed", AlertWriter.CHANNEL, this::deliver);
    }

    /** Delivers every alert raised (or changed) from now on; close the handle to stop. Consumers must not block. */
    public AutoCloseable subscribe(AlertNotice.Change change, Consumer<AlertChange> consumer) {
        Subscriber subscriber = new Subscriber(change, consumer);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /**
     * An alert this instance's transaction raised, just committed: handed over now, without its notice's round
     * trips (the listener's wake-up and the read back), which on a busy machine are two more waits for a core
     * on an SOS's way to the operator.
     */
    void raisedHere(Alert alert) {
        if (!claim(alert.id())) {
            return;
        }
        handedHere.increment();
        // Called as the transaction completes: subscribers must not inherit its context, whose connection is about
        // to close (GraphQL's loaders would run their queries on it).
        try (PropagatedContext.Scope outsideTheTransaction = PropagatedContext.empty().propagate()) {
            hand(new AlertChange(AlertNotice.Change.RAISED, alert));
        }
        raiseToHandOff.record(Duration.between(alert.raisedAt(), Instant.now()));
    }

    /** Whether the raise {@code id} is still to be handed over; true once. */
    private boolean claim(long id) {
        long now = System.nanoTime();
        if (handedRaises.putIfAbsent(id, now) != null) {
            return false;
        }
        // One sweep per interval at most: with more raises than PRUNE_ABOVE in flight, sweeping on every claim would
        // walk the whole map on every alert of a storm.
        long due = nextPrune;
        if (handedRaises.size() > PRUNE_ABOVE && now - due >= 0) {
            nextPrune = now + PRUNE_EVERY_NANOS;
            handedRaises.values().removeIf(at -> now - at > REMEMBER_NANOS);
        }
        return true;
    }

    private void deliver(PGNotification[] notes) {
        Map<AlertNotice.Change, Set<Long>> wanted = new EnumMap<>(AlertNotice.Change.class);
        for (PGNotification note : notes) {
            AlertNotice notice;
            try {
                notice = AlertNotice.decode(note.getParameter());
            } catch (IllegalArgumentException e) {
                LOG.warn("ignoring an unreadable alert notice: {}", note.getParameter());
                continue;
            }
            boolean handedAlready = notice.change() == AlertNotice.Change.RAISED && !claim(notice.alertId());
            if (isWanted(notice.change()) && !handedAlready) {
                wanted.computeIfAbsent(notice.change(), change -> new LinkedHashSet<>()).add(notice.alertId());
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        wanted.values().forEach(ids::addAll);
        long started = System.nanoTime();
        Map<Long, Alert> loaded = alerts.findByIdIn(ids).stream()
                .collect(Collectors.toMap(Alert::id, Function.identity(), (a, b) -> a));
        loading.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        // EnumMap iterates in declaration order: RAISED before UPDATED.
        wanted.forEach((change, changed) -> changed.forEach(id -> {
            Alert alert = loaded.get(id);
            if (alert != null) {
                hand(new AlertChange(change, alert));
                if (change == AlertNotice.Change.RAISED) {
                    handedFromNotice.increment();
                    raiseToHandOff.record(Duration.between(alert.raisedAt(), Instant.now()));
                }
            }
        }));
    }

    private boolean isWanted(AlertNotice.Change change) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.change() == change) {
                return true;
            }
        }
        return false;
    }

    private void hand(AlertChange change) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.change() != change.change()) {
                continue;
            }
            try {
                subscriber.consumer().accept(change);
            } catch (RuntimeException e) {
                LOG.warn("alert subscriber failed", e);
            }
        }
    }

    private record Subscriber(AlertNotice.Change change, Consumer<AlertChange> consumer) {
    }

    @PreDestroy
    void stop() {
        listener.close();
    }
}
