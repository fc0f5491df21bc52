package org.smartcare.ingest.mqtt;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.device.mqtt.MqttSettings;
import org.smartcare.device.mqtt.PahoControlClients;

/**
 * The broker's own counts, read from its {@code $SYS} topics: the messages it dropped because a session's queue was
 * full ({@code max_queued_messages}) and the messages it holds. A dropped message never reaches the ingest, so this is
 * the only place the service can learn of it: a gauge, {@code /health} and a warning each time the count rises.
 *
 * <p>Mosquitto (2.0) publishes a count only when it changes, retained for 60 s: a broker that has dropped nothing, or
 * nothing within the last minute before the service subscribed, says nothing, and that reads as 0 here. Drops while
 * the service is away go on until its sessions are back (their queues stay full), so the last count is fresh then.
 *
 * <p>A connection of its own (clean start, nothing kept), so the ingest lanes' sessions carry nothing but device
 * traffic. One thread connects and subscribes, never Paho's callback thread; the callback only stores numbers.
 */
@Singleton
@Requires(property = "smartcare.ingest.enabled", notEquals = "false")
public class BrokerStatistics {

    static final String DROPPED = "$SYS/broker/publish/messages/dropped";
    static final String STORED = "$SYS/broker/store/messages/count";
    private static final Logger LOG = LoggerFactory.getLogger(BrokerStatistics.class);
    private static final long UNKNOWN = -1;
    private static final long TIMEOUT_MS = 5_000;

    private final MqttSettings settings;
    private final Duration checkEvery;
    private final AtomicLong dropped = new AtomicLong(UNKNOWN);
    private final AtomicLong stored = new AtomicLong(UNKNOWN);
    private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mqtt-broker-statistics").daemon().factory());
    private volatile MqttAsyncClient client;
    private volatile boolean refusedLogged;

    BrokerStatistics(MqttSettings settings, MeterRegistry registry,
                     @Value("${smartcare.mqtt.statistics-check-interval:10s}") Duration checkEvery) {
        this.settings = settings;
        this.checkEvery = checkEvery;
        Gauge.builder("smartcare.broker.dropped.messages", this, s -> asGauge(s.dropped()))
                .description("messages the broker dropped since it started because a session's queue was full ($SYS)")
                .register(registry);
        Gauge.builder("smartcare.broker.stored.messages", this, s -> asGauge(s.stored()))
                .description("messages the broker holds: queued for sessions and retained ($SYS)")
                .register(registry);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        start();
    }

    void start() {
        keeper.scheduleWithFixedDelay(this::keepConnected, 0, checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Messages the broker has dropped since it started, as far as it has said; -1 until the subscription holds. */
    public long dropped() {
        return dropped.get();
    }

    /** Messages the broker holds; -1 until it has said. */
    public long stored() {
        return stored.get();
    }

    public boolean isConnected() {
        MqttAsyncClient current = client;
        return current != null && current.isConnected();
    }

    private void keepConnected() {
        if (isConnected()) {
            return;
        }
        try {
            if (client != null) {
                client.close(true);
            }
            client = new MqttAsyncClient(settings.url(), settings.clientId() + "-sys", new MemoryPersistence());
            client.setCallback(new Counts());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName(settings.username());
            options.setPassword(settings.password() == null ? new byte[0]
                    : settings.password().getBytes(StandardCharsets.UTF_8));
            options.setCleanStart(true);
            options.setSessionExpiryInterval(0L);
            options.setAutomaticReconnect(false);
            client.connect(options).waitForCompletion(TIMEOUT_MS);
            IMqttToken subscribed = client.subscribe(new String[] {DROPPED, STORED}, new int[] {0, 0});
            subscribed.waitForCompletion(TIMEOUT_MS);
            int[] codes = subscribed.getReasonCodes();
            if (codes == null || codes.length < 2 || codes[0] > 2 || codes[1] > 2) {
                if (!refusedLogged) {
                    refusedLogged = true;
                    LOG.warn("the broker refused the service account its $SYS counts ({}, {}): check the role's ACLs",
                            DROPPED, STORED);
                }
                return;
            }
            dropped.compareAndSet(UNKNOWN, 0);
        } catch (MqttException e) {
            LOG.debug("broker statistics: not connected ({}), trying again in {}", e.getMessage(), checkEvery);
        }
    }

    private static double asGauge(long value) {
        return value < 0 ? Double.NaN : value;
    }

    @PreDestroy
    void close() {
        keeper.shutdownNow();
        PahoControlClients.closeQuietly(client, 2_000);
    }

    /** Runs on Paho's thread: it only parses and stores. */
    private final class Counts extends PahoControlClients.MessagesOnly {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            long value;
            try {
                value = Long.parseLong(new String(message.getPayload(), StandardCharsets.US_ASCII).trim());
            } catch (NumberFormatException e) {
                return;
            }
            if (DROPPED.equals(topic)) {
                long before = dropped.getAndSet(value);
                if (value > Math.max(before, 0)) {
                    LOG.warn("the broker has dropped {} messages since it started ({} more than it said before): a"
                            + " session's queue was full (max_queued_messages); those messages are lost",
                            value, value - Math.max(before, 0));
                }
            } else if (STORED.equals(topic)) {
                stored.set(value);
            }
        }
    }
}
