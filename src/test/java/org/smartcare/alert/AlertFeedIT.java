package org.smartcare.alert;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/**
 * The feed between the committing transaction's pg_notify and the local subscribers: a raise and every repeat
 * folded into it are announced, notices that arrive together are delivered raises first, an unreadable notice
 * is skipped without losing the LISTEN connection, and a kind of change is handed only to its subscribers.
 */
@MicronautTest(environments = "test", transactional = false)
class AlertFeedIT {

    @Inject AlertFeed feed;
    @Inject MeterRegistry registry;
    @Inject Fixtures fixtures;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void raisesComeBeforeUpdatesThatArrivedWithThemAndABadNoticeIsSkipped() throws Exception {
        World one = fixtures.world();
        World two = fixtures.world();
        List<String> heard = new CopyOnWriteArrayList<>();
        List<String> raisesOnly = new CopyOnWriteArrayList<>();
        // Other tests' alerts may be announced meanwhile: only these two buttons' alerts are recorded.
        List<String> ours = List.of(one.buttonId(), two.buttonId());
        try (AutoCloseable raised = feed.subscribe(AlertNotice.Change.RAISED,
                     c -> record(heard, ours, "raised:", c.alert()));
             AutoCloseable updated = feed.subscribe(AlertNotice.Change.UPDATED,
                     c -> record(heard, ours, "updated:", c.alert()));
             AutoCloseable onlyRaises = feed.subscribe(AlertNotice.Change.RAISED,
                     c -> record(raisesOnly, ours, c.change() + ":", c.alert()))) {
            long first = raiseSos(one);
            long second = raiseSos(two);
            await().atMost(Duration.ofSeconds(10)).until(() -> raisesOnly.size() == 2);
            // A raise this instance did not make (as by another instance): of it only the notice arrives.
            long elsewhere = raisedElsewhere(second);
            heard.clear();
            raisesOnly.clear();

            // One transaction: its notices reach the listener together, in this order.
            database.execute(notify("updated:" + first), notify("not an alert notice"), notify("updated:" + second),
                    notify("raised:" + elsewhere));
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 3);
            assertEquals(List.of("raised:" + elsewhere, "updated:" + first, "updated:" + second), heard);
            assertEquals(List.of("RAISED:" + elsewhere), raisesOnly);

            // The connection survived the unreadable notice.
            database.execute(notify("updated:" + first));
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 4);
            assertEquals("updated:" + first, heard.get(3));
        }
    }

    @Test
    void theRaiseAndEachRepeatFoldedIntoItAreAnnouncedFromTheCommittingTransaction() throws Exception {
        World world = fixtures.world();
        List<String> heard = new CopyOnWriteArrayList<>();
        List<String> ours = List.of(world.buttonId());
        try (AutoCloseable raised = feed.subscribe(AlertNotice.Change.RAISED, c -> record(heard, ours, "raised:", c.alert()));
             AutoCloseable updated = feed.subscribe(AlertNotice.Change.UPDATED,
                     c -> record(heard, ours, "updated:", c.alert()))) {
            Timer delay = registry.get("smartcare.alerts.feed.delay").timer();
            long timedBefore = delay.count();
            long id = raiseSos(world);
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("raised:" + id));
            // The raise's way from its transaction to this subscriber is timed (the operator's first seconds).
            await().atMost(Duration.ofSeconds(5)).until(() -> delay.count() > timedBefore);
            press(world);
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("updated:" + id));
            assertEquals(List.of("raised:" + id, "updated:" + id), heard);
        }
    }

    @Test
    void aRaiseOfThisInstanceIsHandedOverAsItCommitsAndItsNoticeNotAgain() throws Exception {
        World world = fixtures.world();
        List<String> heard = new CopyOnWriteArrayList<>();
        List<Alert> alerts = new CopyOnWriteArrayList<>();
        Counter fromTransaction = registry.get("smartcare.alerts.feed.raises").tag("from", "transaction").counter();
        double before = fromTransaction.count();
        try (AutoCloseable raised = feed.subscribe(AlertNotice.Change.RAISED, c -> {
            if (c.alert().deviceId().equals(world.buttonId())) {
                heard.add("raised:" + c.alert().id());
                alerts.add(c.alert());
            }
        })) {
            long id = raiseSos(world);
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("raised:" + id));
            assertTrue(fromTransaction.count() >= before + 1, "handed over by the committing transaction");
            // The raise's own notice, and a repeat of it, are not handed a second time.
            database.execute(notify("raised:" + id));
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < settle) {
                Thread.sleep(50);
            }
            assertEquals(List.of("raised:" + id), heard);
            // What the transaction handed over is the stored alert.
            Alert handed = alerts.getFirst();
            assertEquals(AlertStatus.OPEN, handed.status());
            assertEquals(AlertKind.SOS, handed.kind());
            assertEquals(Severity.CRITICAL, handed.severity());
            assertEquals(world.buttonId(), handed.deviceId());
            assertEquals(database.count("SELECT extract(epoch FROM raised_at) * 1000000 FROM alert WHERE id = ?", id),
                    handed.raisedAt().getEpochSecond() * 1_000_000 + handed.raisedAt().getNano() / 1_000);
            assertEquals(world.elder().id(), handed.elderId());
        }
    }

    /** A copy of alert {@code id}, resolved so that it does not fold into the open one, written by SQL alone. */
    private long raisedElsewhere(long id) {
        String columns = "tenant_id, rule, kind, severity, device_id, elder_id, institution_id, region_code, raised_at, "
                + "source_event_ts, source_event_seq, latitude, longitude, last_seen_at, ack_deadline";
        return database.count("INSERT INTO alert (status, resolved_at, outcome, " + columns + ") "
                + "SELECT 'RESOLVED', now(), 'NO_ACTION_NEEDED', " + columns
                + " FROM alert WHERE id = ? RETURNING id", id);
    }

    private static void record(List<String> into, List<String> devices, String prefix, Alert alert) {
        if (devices.contains(alert.deviceId())) {
            into.add(prefix + alert.id());
        }
    }

    private long raiseSos(World world) throws Exception {
        press(world);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.alertsOf(world.buttonId()) == 1);
        return database.count("SELECT id FROM alert WHERE device_id = ?", world.buttonId());
    }

    private void press(World world) throws Exception {
        try (DeviceClient button = new DeviceClient(broker, world.buttonId(), world.button().secret())) {
            assertEquals(0, button.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq())));
        }
    }

    private static String notify(String payload) {
        return "SELECT pg_notify('" + AlertWriter.CHANNEL + "', '" + payload + "')";
    }
}
