package org.smartcare.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Publishes as devices over MQTT 5 with Eclipse Paho: one connection per device, opened on its first
 * message and kept for the run, each message QoS 1 and waited for until its PUBACK arrives.
 *
 * <p>Not thread-safe: one run loop drives it.
 */
public final class DevicePublisher implements AutoCloseable {

    public static final int QOS = 1;

    private final String brokerUrl;
    private final Duration timeout;
    private final Map<String, MqttAsyncClient> clients = new LinkedHashMap<>();

    public DevicePublisher(String brokerUrl, Duration timeout) {
        this.brokerUrl = brokerUrl;
        this.timeout = timeout;
    }

    /**
     * Publishes {@code payload} to {@code topic} as {@code device} and reports the broker's verdict.
     * A PUBACK with a reason code of 0x80 or more (Mosquitto sends 0x87 when the ACL denies the topic)
     * is a refusal, not a success. Never throws for broker or network trouble: that is a FAILED result.
     */
    public PublishResult publish(DeviceCredentials device, String topic, byte[] payload) {
        MqttAsyncClient client;
        try {
            client = connected(device);
        } catch (MqttException e) {
            return PublishResult.failed("connect: " + describe(e));
        }
        try {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(QOS);
            message.setRetained(false);
            MqttProperties properties = new MqttProperties();
            properties.setPayloadFormat(true);
            properties.setContentType("application/json");
            message.setProperties(properties);
            IMqttToken token = client.publish(topic, message);
            token.waitForCompletion(timeout.toMillis());
            return fromToken(token);
        } catch (MqttException e) {
            // Paho may also complete the token exceptionally for an error PUBACK: keep its reason code.
            if (e.getReasonCode() >= 0x80 && e.getReasonCode() <= 0xFF) {
                return PublishResult.fromPubAck(e.getReasonCode());
            }
            return PublishResult.failed(describe(e));
        }
    }

    private static PublishResult fromToken(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        // A PUBACK without a reason code means success (MQTT 5, 3.4.2.1).
        int code = codes == null || codes.length == 0 ? ReasonCodes.SUCCESS : codes[0];
        return PublishResult.fromPubAck(code);
    }

    private MqttAsyncClient connected(DeviceCredentials device) throws MqttException {
        MqttAsyncClient client = clients.get(device.deviceId());
        if (client != null && client.isConnected()) {
            return client;
        }
        if (client == null) {
            client = new MqttAsyncClient(brokerUrl, device.deviceId(), new MemoryPersistence());
            clients.put(device.deviceId(), client);
        }
        client.connect(options(device)).waitForCompletion(timeout.toMillis());
        return client;
    }

    private MqttConnectionOptions options(DeviceCredentials device) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(device.deviceId());
        options.setPassword(device.secret().getBytes(StandardCharsets.UTF_8));
        // A simulated press is fire-and-confirm: nothing to resume, so no session state on the broker.
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        options.setKeepAliveInterval(30);
        return options;
    }

    /** Disconnects every device cleanly (DISCONNECT with reason 0x00), then releases the clients. */
    @Override
    public void close() {
        for (MqttAsyncClient client : clients.values()) {
            try {
                if (client.isConnected()) {
                    client.disconnect(timeout.toMillis()).waitForCompletion(timeout.toMillis());
                }
            } catch (MqttException e) {
                forceDisconnect(client);
            }
            try {
                client.close();
            } catch (MqttException e) {
                // Nothing left to release that the JVM will not.
            }
        }
        clients.clear();
    }

    private static void forceDisconnect(MqttAsyncClient client) {
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException ignored) {
            // Already gone.
        }
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    static String describe(MqttException e) {
        int code = e.getReasonCode();
        if (code >= 0x80 && code <= 0xFF) {
            return ReasonCodes.describe(code);
        }
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) {
            message = message + " (" + cause.getMessage() + ")";
        }
        return message;
    }
}
