package org.smartcare.device.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** What the service's small broker clients (account commands, broker counts) share: they only read messages. */
public final class PahoControlClients {

    private PahoControlClients() {
    }

    /** Disconnects (waiting up to {@code timeoutMs}) and releases the client; errors are dropped: it is shutting down. */
    public static void closeQuietly(MqttAsyncClient client, long timeoutMs) {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(timeoutMs);
            }
            client.close(true);
        } catch (MqttException ignored) {
            // shutting down: nothing left to clean
        }
    }

    /** A callback that only receives messages; Paho's other events change nothing for such a client. */
    public abstract static class MessagesOnly implements MqttCallback {

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
