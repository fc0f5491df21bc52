package org.smartcare.support;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * A device that keeps publishing through broker restarts: each message is retried until the broker
 * acknowledges it, as a real device with a retry buffer does (the service deduplicates by seq). As the
 * topic contract asks (schema/mqtt/README.md), a PUBACK "no matching subscribers" (0x10) counts as not
 * delivered: the platform is not listening at that moment, e.g. right after a broker restart.
 */
public final class ResilientPublisher implements AutoCloseable {

    private static final int NO_MATCHING_SUBSCRIBERS = 0x10;

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options = new MqttConnectionOptions();
    private int retries;

    public ResilientPublisher(String brokerUrl, String deviceId, String secret) throws MqttException {
        client = new MqttAsyncClient(brokerUrl, deviceId, new MemoryPersistence());
        options.setUserName(deviceId);
        options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setConnectionTimeout(5);
        ensureConnected();
    }

    public void publish(String topic, String payload) throws InterruptedException {
        while (true) {
            try {
                ensureConnected();
                MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                IMqttToken token = client.publish(topic, message);
                token.waitForCompletion(5_000);
                int[] codes = token.getReasonCodes();
                if (codes == null || codes.length == 0 || (codes[0] < 0x80 && codes[0] != NO_MATCHING_SUBSCRIBERS)) {
                    return;
                }
            } catch (MqttException e) {
                // broker down or connection lost: retry below
            }
            retries++;
            Thread.sleep(200);
        }
    }

    public int retries() {
        return retries;
    }

    private void ensureConnected() throws MqttException {
        if (!client.isConnected()) {
            client.connect(options).waitForCompletion(5_000);
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(2_000);
        }
        client.close();
    }
}
