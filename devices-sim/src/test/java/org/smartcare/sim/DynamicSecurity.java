package org.smartcare.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
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
 * Provisions devices on Mosquitto's dynamic-security plugin through its control API, as
 * {@code deploy/broker-device add ID PASSWORD} does with mosquitto_ctrl: client {@code ID}, bound to
 * client id {@code ID}, with role {@code device-ID} that may publish under
 * {@code smartcare/v1/devices/ID/#} only.
 */
final class DynamicSecurity implements AutoCloseable {

    static final String CONTROL_TOPIC = "$CONTROL/dynamic-security/v1";
    static final String RESPONSE_TOPIC = CONTROL_TOPIC + "/response";
    private static final long TIMEOUT_MS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttAsyncClient client;
    private final BlockingQueue<JsonNode> responses = new LinkedBlockingQueue<>();

    private DynamicSecurity(MqttAsyncClient client) {
        this.client = client;
    }

    static DynamicSecurity connect(BrokerEnv env) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(env.url(), "devices-sim-it-admin-" + UUID.randomUUID(),
                new MemoryPersistence());
        DynamicSecurity dynsec = new DynamicSecurity(client);
        client.setCallback(dynsec.new ResponseCollector());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(env.adminUser());
        options.setPassword(env.adminPassword().getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(TIMEOUT_MS);
        IMqttToken sub = client.subscribe(new MqttSubscription(RESPONSE_TOPIC, 1));
        sub.waitForCompletion(TIMEOUT_MS);
        int granted = sub.getReasonCodes()[0];
        if (granted >= 0x80) {
            throw new IllegalStateException("admin may not subscribe to " + RESPONSE_TOPIC + ": "
                    + ReasonCodes.describe(granted));
        }
        return dynsec;
    }

    static String roleOf(String deviceId) {
        return "device-" + deviceId;
    }

    void createDevice(String deviceId, String password) throws MqttException, InterruptedException {
        String role = roleOf(deviceId);
        execute(List.of(
                command("createRole").put("rolename", role),
                command("addRoleACL").put("rolename", role).put("acltype", "publishClientSend")
                        .put("topic", "smartcare/v1/devices/" + deviceId + "/#").put("priority", 0).put("allow", true),
                command("createClient").put("username", deviceId).put("password", password).put("clientid", deviceId),
                command("addClientRole").put("username", deviceId).put("rolename", role)), true);
    }

    /** A login for the tests' own publishers. */
    record Account(String username, String password) {
    }

    /** {@link #createPublisher(String, String)} named {@code prefix} and a random suffix, with a random password. */
    Account createPublisher(String prefix) throws MqttException, InterruptedException {
        Account account = new Account(prefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()),
                HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        createPublisher(account.username(), account.password());
        return account;
    }

    /**
     * A privileged publisher like the bench account: client {@code username} (any client id) with role
     * {@code username} that may publish on every device topic.
     */
    void createPublisher(String username, String password) throws MqttException, InterruptedException {
        execute(List.of(
                command("createRole").put("rolename", username),
                command("addRoleACL").put("rolename", username).put("acltype", "publishClientSend")
                        .put("topic", "smartcare/v1/devices/#").put("priority", 0).put("allow", true),
                command("createClient").put("username", username).put("password", password),
                command("addClientRole").put("username", username).put("rolename", username)), true);
    }

    /** Removes a client and the role of the same name; missing ones are fine. */
    void deletePublisher(String username) throws MqttException, InterruptedException {
        execute(List.of(
                command("deleteClient").put("username", username),
                command("deleteRole").put("rolename", username)), false);
    }

    /** Removes the device's client and role; missing ones are fine, so cleanup can always call it. */
    void deleteDevice(String deviceId) throws MqttException, InterruptedException {
        execute(List.of(
                command("deleteClient").put("username", deviceId),
                command("deleteRole").put("rolename", roleOf(deviceId))), false);
    }

    /**
     * Sends {@code commands} in one control message and waits for each command's response, matched by
     * correlation data because other administrators may share the response topic.
     *
     * @param failOnError throw when any command answers with an {@code error}
     */
    List<JsonNode> execute(List<ObjectNode> commands, boolean failOnError) throws MqttException, InterruptedException {
        Map<String, Integer> index = new HashMap<>();
        ObjectNode message = JSON.createObjectNode();
        ArrayNode array = message.putArray("commands");
        for (ObjectNode command : commands) {
            String correlation = UUID.randomUUID().toString();
            command.put("correlationData", correlation);
            index.put(correlation, index.size());
            array.add(command);
        }
        client.publish(CONTROL_TOPIC, new MqttMessage(message.toString().getBytes(StandardCharsets.UTF_8), 1, false,
                new MqttProperties())).waitForCompletion(TIMEOUT_MS);

        JsonNode[] answers = new JsonNode[commands.size()];
        int missing = answers.length;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (missing > 0) {
            JsonNode reply = responses.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (reply == null) {
                throw new IllegalStateException("no dynamic-security response within " + TIMEOUT_MS + " ms for " + message);
            }
            for (JsonNode response : reply.path("responses")) {
                Integer i = index.get(response.path("correlationData").asText(""));
                if (i != null && answers[i] == null) {
                    answers[i] = response;
                    missing--;
                }
            }
        }
        List<JsonNode> result = new ArrayList<>(List.of(answers));
        if (failOnError) {
            for (JsonNode answer : result) {
                if (answer.hasNonNull("error")) {
                    throw new IllegalStateException("dynamic-security " + answer.path("command").asText() + " failed: "
                            + answer.path("error").asText());
                }
            }
        }
        return result;
    }

    static ObjectNode command(String name) {
        return JSON.createObjectNode().put("command", name);
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(TIMEOUT_MS);
            }
        } finally {
            client.close();
        }
    }

    /** Queues every response message; matching happens in {@link #execute}. */
    private final class ResponseCollector implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            responses.add(JSON.readTree(message.getPayload()));
        }

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
