package org.smartcare.sim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Bench helpers, compiled by bench/ingest against devices-sim.jar (it lives in the simulator's package to
 * reuse its load payload catalogue, so the bytes are exactly those of {@code devices-sim load}).
 *
 * <pre>
 * count   URL USER PASS GROUP EXPECT IDLE_S OUT_JSON [TOPIC_PART]
 *     A Paho MQTT v5 shared-subscription QoS 1 subscriber that only counts (acknowledges on return of
 *     messageArrived, i.e. immediately). Prints "ready" once subscribed; stops at EXPECT messages or after
 *     IDLE_S seconds without one. Writes {count, first_ms, last_ms, rate_per_s}.
 * publish URL USER PASS MESSAGES SAMPLES DEVICES PREFIX SEQ_START CONNECTIONS WINDOW OUT_JSON [TIMEOUT_S]
 *     The no-loss publisher: message n = devices-sim load's message n (bed, SAMPLES samples); every
 *     message is resent (same bytes) until a PUBACK 0x00 arrives: on failure, on connection loss, on
 *     PUBACK 0x10 (no matching subscribers) or another code, and when unanswered for 15 s. Gives up
 *     (exit status 1) after TIMEOUT_S seconds (default 1800).
 * forget  URL USER PASS CLIENT_ID
 *     Ends the persistent session CLIENT_ID (clean start, session expiry 0), so it queues nothing more.
 * clear-retained URL USER PASS IDS_FILE
 *     Publishes an empty retained message (which deletes the retained one) on the status topic of every
 *     device id listed in IDS_FILE (one a line, first comma-separated field).
 * </pre>
 */
public final class BenchMqtt {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "count" -> count(args);
            case "publish" -> publish(args);
            case "forget" -> forget(args);
            case "clear-retained" -> clearRetained(args);
            default -> throw new IllegalArgumentException("count | publish");
        }
    }

    private static MqttConnectionOptions options(String user, String password, boolean reconnect) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setUserName(user);
        o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setAutomaticReconnect(reconnect);
        o.setAutomaticReconnectDelay(1, 2);
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        o.setReceiveMaximum(4000);
        return o;
    }

    // ---------------------------------------------------------------- count

    private static void count(String[] a) throws Exception {
        String url = a[1], user = a[2], pass = a[3], group = a[4];
        long expect = Long.parseLong(a[5]);
        long idleMs = Long.parseLong(a[6]) * 1000;
        Path out = Path.of(a[7]);
        String only = a.length > 8 ? a[8] : "";
        LongAdder n = new LongAdder();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        MqttAsyncClient c = new MqttAsyncClient(url, "bench-count-" + group + "-" + ProcessHandle.current().pid(),
                new MemoryPersistence());
        c.setCallback(new MqttCallback() {
            public void disconnected(MqttDisconnectResponse r) { System.err.println("count: disconnected " + r); }
            public void mqttErrorOccurred(MqttException e) { System.err.println("count: " + e); }
            public void messageArrived(String topic, MqttMessage m) {
                if (!topic.contains(only)) return;
                long now = System.currentTimeMillis();
                first.compareAndSet(0, now);
                last.set(now);
                n.increment();
            }
            public void deliveryComplete(IMqttToken t) { }
            public void connectComplete(boolean re, String uri) { }
            public void authPacketArrived(int rc, MqttProperties p) { }
        });
        c.connect(options(user, pass, false)).waitForCompletion(10_000);
        c.subscribe(new MqttSubscription("$share/" + group + "/smartcare/v1/devices/+/+", 1)).waitForCompletion(10_000);
        System.out.println("ready");
        System.out.flush();
        long started = System.currentTimeMillis();
        while (n.sum() < expect) {
            Thread.sleep(50);
            long ref = last.get() == 0 ? started : last.get();
            if (System.currentTimeMillis() - ref > idleMs) {
                break;
            }
        }
        long count = n.sum();
        double secs = Math.max(1e-3, (last.get() - first.get()) / 1000.0);
        String json = String.format("{\"count\": %d, \"first_ms\": %d, \"last_ms\": %d, \"rate_per_s\": %.0f}%n",
                count, first.get(), last.get(), count / secs);
        Files.writeString(out, json);
        System.out.print(json);
        try {
            c.disconnect().waitForCompletion(5000);
        } catch (MqttException e) {
            // gone
        }
        c.close(true);
        System.exit(0);
    }

    private static void forget(String[] a) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(a[1], a[4], new MemoryPersistence());
        c.connect(options(a[2], a[3], false)).waitForCompletion(10_000);
        c.disconnect().waitForCompletion(5000);
        c.close(true);
        System.out.println("forgot session " + a[4]);
        System.exit(0);
    }

    private static void clearRetained(String[] a) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(a[1], "bench-clear-" + ProcessHandle.current().pid(), new MemoryPersistence());
        c.connect(options(a[2], a[3], false)).waitForCompletion(10_000);
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(200);
        LongAdder failed = new LongAdder();
        long n = 0;
        MqttActionListener release = new MqttActionListener() {
            public void onSuccess(IMqttToken t) { window.release(); }
            public void onFailure(IMqttToken t, Throwable e) { failed.increment(); window.release(); }
        };
        for (String line : Files.readAllLines(Path.of(a[4]))) {
            String id = line.split(",", 2)[0].strip();
            if (id.isEmpty()) continue;
            window.acquire();
            c.publish("smartcare/v1/devices/" + id + "/status", new byte[0], 1, true, null, release);
            n++;
        }
        window.acquire(200);
        System.out.println("cleared retained status of " + n + " devices, " + failed.sum() + " failed");
        c.disconnect().waitForCompletion(5000);
        c.close(true);
        System.exit(0);
    }

    // ---------------------------------------------------------------- publish (no loss)

    private record Msg(long n, String topic, byte[] payload, long sentAt) { }

    private static void publish(String[] a) throws Exception {
        String url = a[1], user = a[2], pass = a[3];
        long total = Long.parseLong(a[4]);
        int samples = Integer.parseInt(a[5]);
        int devices = Integer.parseInt(a[6]);
        String prefix = a[7];
        long seq0 = Long.parseLong(a[8]);
        int conns = Integer.parseInt(a[9]);
        int window = Integer.parseInt(a[10]);
        Path out = Path.of(a[11]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(a.length > 12 ? Long.parseLong(a[12]) : 1800);
        LoadMessages cat = new LoadMessages(LoadMessages.Kind.BED, samples, devices, seq0, prefix,
                EventType.SOS_PRESS, Clock.system(DeviceModel.LOCAL_ZONE));

        Map<Long, Msg> outstanding = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> retry = new ConcurrentLinkedQueue<>();
        AtomicLong next = new AtomicLong();
        LongAdder delivered = new LongAdder();
        LongAdder resends = new LongAdder();
        LongAdder noSubscribers = new LongAdder();
        LongAdder failures = new LongAdder();
        LongAdder timeouts = new LongAdder();
        LongAdder otherCodes = new LongAdder();

        List<MqttAsyncClient> clients = new ArrayList<>();
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);
        for (int i = 0; i < conns; i++) {
            MqttAsyncClient c = new MqttAsyncClient(url, "bench-noloss-" + run + "-" + i, new MemoryPersistence());
            c.setCallback(new MqttCallback() {
                public void disconnected(MqttDisconnectResponse r) { System.err.println("publish: disconnected: " + r); }
                public void mqttErrorOccurred(MqttException e) { }
                public void messageArrived(String topic, MqttMessage m) { }
                public void deliveryComplete(IMqttToken t) { }
                public void connectComplete(boolean re, String uri) { if (re) System.err.println("publish: reconnected"); }
                public void authPacketArrived(int rc, MqttProperties p) { }
            });
            c.connect(options(user, pass, true)).waitForCompletion(10_000);
            clients.add(c);
        }
        MqttActionListener done = new MqttActionListener() {
            public void onSuccess(IMqttToken t) {
                long n = (Long) t.getUserContext();
                int[] codes = t.getReasonCodes();
                int code = codes == null || codes.length == 0 ? 0 : codes[0];
                if (code == 0) {
                    if (outstanding.remove(n) != null) {
                        delivered.increment();
                    }
                } else {
                    if (code == 0x10) noSubscribers.increment(); else otherCodes.increment();
                    if (outstanding.containsKey(n)) retry.add(n);
                }
            }
            public void onFailure(IMqttToken t, Throwable e) {
                failures.increment();
                long n = (Long) t.getUserContext();
                if (outstanding.containsKey(n)) retry.add(n);
            }
        };
        long start = System.nanoTime();
        long startedMs = System.currentTimeMillis();
        Thread watchdog = new Thread(() -> {
            long lastPrint = System.nanoTime();
            while (delivered.sum() < total && System.nanoTime() < deadline) {
                try { Thread.sleep(1000); } catch (InterruptedException e) { return; }
                long now = System.nanoTime();
                for (Msg m : outstanding.values()) {
                    if (now - m.sentAt() > TimeUnit.SECONDS.toNanos(15)) {
                        timeouts.increment();
                        outstanding.put(m.n(), new Msg(m.n(), m.topic(), m.payload(), now));
                        retry.add(m.n());
                    }
                }
                if (now - lastPrint >= TimeUnit.SECONDS.toNanos(5)) {
                    lastPrint = now;
                    System.err.printf("publish: %.0fs next %d delivered %d outstanding %d resends %d (0x10 %d, failed %d, timeout %d)%n",
                            (now - start) / 1e9, next.get(), delivered.sum(), outstanding.size(), resends.sum(),
                            noSubscribers.sum(), failures.sum(), timeouts.sum());
                }
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < conns; i++) {
            MqttAsyncClient c = clients.get(i);
            Thread t = new Thread(() -> {
                while (delivered.sum() < total && System.nanoTime() < deadline) {
                    if (!c.isConnected()) {
                        sleep(20);
                        continue;
                    }
                    Long r = retry.poll();
                    Msg m;
                    if (r != null) {
                        m = outstanding.get(r);
                        if (m == null) continue; // delivered meanwhile
                        if (m.sentAt() > 0 && System.nanoTime() - m.sentAt() < 200_000_000L && noSubscribers.sum() > 0) {
                            sleep(5); // 0x10 right after a broker restart: give the subscriber a moment
                        }
                        resends.increment();
                        m = new Msg(m.n(), m.topic(), m.payload(), System.nanoTime());
                        outstanding.put(m.n(), m);
                    } else {
                        if (outstanding.size() >= (long) window * conns) {
                            sleep(1);
                            continue;
                        }
                        long n = next.getAndIncrement();
                        if (n >= total) {
                            next.decrementAndGet();
                            sleep(20);
                            continue;
                        }
                        m = new Msg(n, cat.topic(n), cat.payload(n), System.nanoTime());
                        outstanding.put(n, m);
                    }
                    while (true) {
                        try {
                            MqttProperties p = new MqttProperties();
                            p.setPayloadFormat(true);
                            p.setContentType("application/json");
                            c.publish(m.topic(), new MqttMessage(m.payload(), 1, false, p), m.n(), done);
                            break;
                        } catch (MqttException e) {
                            if (e.getReasonCode() == org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT
                                    && c.isConnected()) {
                                sleep(1); // the broker's receive maximum: wait for a PUBACK, not a resend
                                continue;
                            }
                            failures.increment();
                            retry.add(m.n());
                            sleep(50);
                            break;
                        }
                    }
                }
            }, "sender-" + i);
            t.start();
            senders.add(t);
        }
        for (Thread t : senders) t.join();
        double secs = (System.nanoTime() - start) / 1e9;
        String json = String.format("{\"messages\": %d, \"delivered\": %d, \"samples_per_message\": %d, \"devices\": %d, "
                        + "\"device_prefix\": \"%s\", \"seq_start\": %d, \"resends\": %d, \"puback_0x10\": %d, \"other_codes\": %d, "
                        + "\"failures\": %d, \"timeouts\": %d, \"started_ms\": %d, \"elapsed_s\": %.2f, \"rate_per_s\": %.0f}%n",
                total, delivered.sum(), samples, devices, prefix, seq0, resends.sum(), noSubscribers.sum(),
                otherCodes.sum(), failures.sum(), timeouts.sum(), startedMs, secs, delivered.sum() / secs);
        Files.writeString(out, json);
        System.out.print(json);
        for (MqttAsyncClient c : clients) {
            try {
                c.disconnect().waitForCompletion(5000);
            } catch (MqttException e) {
                // gone
            }
            c.close(true);
        }
        System.exit(delivered.sum() == total ? 0 : 1);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
