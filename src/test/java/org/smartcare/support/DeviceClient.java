package org.smartcare.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A device on the real broker, logged in with its own credentials. */
public final class DeviceClient implements AutoCloseable {

    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() * 1000);

    private final String deviceId;
    private final MqttAsyncClient client;

    public DeviceClient(String brokerUrl, String deviceId, String secret) throws MqttException {
        this(brokerUrl, deviceId, secret, null);
    }

    /** Connects with a Last Will on the device's status topic when {@code will} is given. */
    public DeviceClient(String brokerUrl, String deviceId, String secret, byte[] will) throws MqttException {
        this.deviceId = deviceId;
        this.client = new MqttAsyncClient(brokerUrl, deviceId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(deviceId);
        options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        if (will != null) {
            MqttMessage message = new MqttMessage(will);
            message.setQos(1);
            message.setRetained(true);
            options.setWill(topic("status"), message);
        }
        client.connect(options).waitForCompletion(10_000);
    }

    public String topic(String channel) {
        return "smartcare/v1/devices/" + deviceId + "/" + channel;
    }

    /** Drops the connection without DISCONNECT, as a device losing power does: the broker sends the will. */
    public void dropConnection() throws MqttException {
        client.disconnectForcibly(0, 1_000, false);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    public static long nextSeq() {
        return SEQ.incrementAndGet();
    }

    /** An SOS press from the shared payload file, with a fresh sequence number and the current time. */
    public static byte[] sosPress(long seq) {
        return Resources.template("payloads/sos-press.json", "seq", Long.toString(seq), "ts", Instant.now().toString())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Publishes on this device's own event channel; returns the PUBACK reason code. */
    public int publishEvent(byte[] payload) throws MqttException {
        return publish("smartcare/v1/devices/" + deviceId + "/event", payload);
    }

    /** Publishes QoS 1 anywhere; the broker answers 0x87 (135) where the ACL denies. */
    public int publish(String topic, byte[] payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        IMqttToken token = client.publish(topic, message);
        token.waitForCompletion(10_000);
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close();
    }
}
