package org.smartcare.alert;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
            heard.clear();
            raisesOnly.clear();

            // One transaction: its notices reach the listener together, in this order.
            database.execute(notify("updated:" + first), notify("not an alert notice"), notify("updated:" + second),
                    notify("raised:" + second));
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 3);
            assertEquals(List.of("raised:" + second, "updated:" + first, "updated:" + second), heard);
            assertEquals(List.of("RAISED:" + second), raisesOnly);

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
