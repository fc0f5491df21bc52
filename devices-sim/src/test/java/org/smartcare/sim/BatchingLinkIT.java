package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link BatchingLink} against the project's Mosquitto, with a temporary privileged account. */
class BatchingLinkIT {

    private static final String TELEMETRY = "smartcare/v1/devices/+/telemetry";

    private static BrokerEnv broker;
    private static DynamicSecurity dynsec;
    private static String account;
    private static String password;

    @BeforeAll
    static void connect() throws Exception {
        broker = BrokerEnv.fromEnvironment();
        dynsec = DynamicSecurity.connect(broker);
        DynamicSecurity.Account publisher = dynsec.createPublisher("sim-it-batching-");
        account = publisher.username();
        password = publisher.password();
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (dynsec != null) {
            dynsec.deletePublisher(account);
            dynsec.close();
        }
    }

    @Test
    void everyPublishArrivesOnceAsJsonAndTheCloseWaitsForTheLastPubAck() throws Exception {
        String prefix = prefix();
        int messages = 3_000;
        Results results = new Results();
        try (ServiceSubscriber service = ServiceSubscriber.subscribe(broker, TELEMETRY);
             PublishLoop loop = new PublishLoop(PublishLoop.DEFAULT_LINGER)) {
            // A window far below the message count: most publishes wait in the queue for PUBACKs to free it.
            BatchingLink link = new BatchingLink(settings(account, password, 50), loop, results);
            link.connect(null, null, null);
            Thread[] senders = new Thread[2];
            for (int t = 0; t < senders.length; t++) {
                int first = t;
                senders[t] = Thread.ofPlatform().start(() -> {
                    for (int i = first; i < messages; i += senders.length) {
                        link.send(publish(prefix + (i % 20), i));
                    }
                });
            }
            for (Thread sender : senders) {
                sender.join();
            }
            link.close().get(30, TimeUnit.SECONDS);
            link.release();

            assertEquals(messages, results.acknowledged.get(), "every publish acknowledged: " + results.others);
            assertEquals(1, results.connects.get());
            List<ServiceSubscriber.Received> mine = service.drain(r -> r.topic().contains(prefix), 2_000, 60_000);
            Set<String> seen = new HashSet<>();
            for (ServiceSubscriber.Received r : mine) {
                assertTrue(seen.add(r.text()), "delivered once: " + r.text());
                assertEquals("application/json", r.contentType());
            }
            assertEquals(messages, seen.size());
        }
    }

    @Test
    void aPublishTheAccountMayNotMakeIsRefusedAndTheRestFlows() throws Exception {
        String prefix = prefix();
        Results results = new Results();
        try (PublishLoop loop = new PublishLoop(PublishLoop.DEFAULT_LINGER)) {
            BatchingLink link = new BatchingLink(settings(account, password, 10), loop, results);
            link.connect(null, null, null);
            link.send(publish(prefix + "a", 1));
            link.send(new Link.Publish("smartcare/v1/not-devices/" + prefix, "{}".getBytes(StandardCharsets.UTF_8),
                    false, "outside the ACL"));
            link.send(publish(prefix + "a", 2));
            link.close().get(30, TimeUnit.SECONDS);
            link.release();
        }
        assertEquals(2, results.acknowledged.get());
        PublishResult refused = results.others.get("outside the ACL");
        assertEquals(PublishResult.Outcome.REFUSED, refused.outcome(), String.valueOf(refused));
        assertEquals(0x87, refused.reasonCode());
    }

    @Test
    void aWrongPasswordFailsTheLinkForGoodAndEverythingWaitingWithIt() throws Exception {
        Results results = new Results();
        try (PublishLoop loop = new PublishLoop(PublishLoop.DEFAULT_LINGER)) {
            BatchingLink link = new BatchingLink(settings(account, "wrong-" + password, 10), loop, results);
            link.send(publish(prefix() + "a", 1));
            link.connect(null, null, null);
            assertTrue(results.connectFailed.await(10, TimeUnit.SECONDS), "connect failure reported");
            assertTrue(link.failed());
            assertTrue(results.connectFailure.get().contains("refused"), results.connectFailure.get());
            link.send(publish(prefix() + "a", 2));
            link.close().get(10, TimeUnit.SECONDS);
            link.release();
        }
        assertEquals(0, results.acknowledged.get());
        assertEquals(2, results.others.size());
        results.others.values().forEach(r -> assertEquals(PublishResult.Outcome.FAILED, r.outcome()));
        assertTrue(results.others.get(1L).detail().startsWith("connect: refused"), results.others.toString());
        assertEquals("not connected", results.others.get(2L).detail());
    }

    @Test
    void aKickedConnectionComesBackAndWhatWasQueuedGoesOut() throws Exception {
        String prefix = prefix();
        Results results = new Results();
        try (ServiceSubscriber service = ServiceSubscriber.subscribe(broker, TELEMETRY);
             PublishLoop loop = new PublishLoop(PublishLoop.DEFAULT_LINGER)) {
            BatchingLink link = new BatchingLink(settings(account, password, 10), loop, results);
            link.connect(null, null, null);
            link.send(publish(prefix + "a", 1));
            awaitAcknowledged(results, 1);
            // Disabling a client makes Mosquitto drop its connection; enabled again at once, the link's
            // reconnect a second later is let in.
            dynsec.execute(List.of(
                    DynamicSecurity.command("disableClient").put("username", account),
                    DynamicSecurity.command("enableClient").put("username", account)), true);
            for (int i = 2; i <= 200; i++) {
                link.send(publish(prefix + "a", i));
            }
            link.close().get(30, TimeUnit.SECONDS);
            link.release();

            assertEquals(2, results.connects.get(), "connected again after the kick");
            // Publishes in flight at the kick have no answer and are reported failed; the rest arrive.
            Set<Long> delivered = new HashSet<>();
            for (ServiceSubscriber.Received r : service.drain(x -> x.topic().contains(prefix), 2_000, 30_000)) {
                delivered.add(Long.parseLong(r.text().replaceAll("\\D", "")));
            }
            List<Long> failed = new ArrayList<>();
            results.others.forEach((tag, r) -> {
                assertTrue(r.detail().startsWith("connection lost"), r.toString());
                failed.add((Long) tag);
            });
            assertEquals(200, results.acknowledged.get() + failed.size());
            assertTrue(delivered.size() >= results.acknowledged.get(), delivered.size() + " delivered");
            assertTrue(results.acknowledged.get() > 190, results.acknowledged.get() + " acknowledged");
        }
    }

    private static void awaitAcknowledged(Results results, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (results.acknowledged.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(n, results.acknowledged.get());
    }

    private static Link.Publish publish(String deviceId, long n) {
        return new Link.Publish("smartcare/v1/devices/" + deviceId + "/telemetry",
                ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8), false, n);
    }

    private static String prefix() {
        return "sim-it-batch-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "-";
    }

    private static Link.Settings settings(String user, String secret, int window) {
        return new Link.Settings(broker.url(), "sim-it-batching-" + prefix(), user, secret, window, 5, 100_000);
    }

    /** Counts acknowledgements; keeps every other result by its tag. */
    private static final class Results implements Link.Listener {
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger connects = new AtomicInteger();
        final Map<Object, PublishResult> others = new ConcurrentHashMap<>();
        final CountDownLatch connectFailed = new CountDownLatch(1);
        final AtomicReference<String> connectFailure = new AtomicReference<>();

        @Override
        public void completed(Link.Publish publish, PublishResult result) {
            if (result.acknowledged()) {
                acknowledged.incrementAndGet();
            } else {
                others.put(publish.tag(), result);
            }
        }

        @Override
        public void connected(Link link) {
            connects.incrementAndGet();
        }

        @Override
        public void connectFailed(Link link, String detail) {
            connectFailure.set(detail);
            connectFailed.countDown();
        }
    }
}
