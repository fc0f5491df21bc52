package org.smartcare.device.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.smartcare.device.BrokerCredentials;

/**
 * Device accounts in Mosquitto's dynamic-security plugin, managed through its control topic. Each device
 * gets a client and a role of its own whose only publish grant is {@code smartcare/v1/devices/<id>/#}.
 */
@Singleton
public class DynsecBrokerCredentials implements BrokerCredentials {

    private static final String CONTROL = "$CONTROL/dynamic-security/v1";
    private static final String RESPONSE = CONTROL + "/response";
    private static final long TIMEOUT_MS = 10_000;
    private static final List<String> DEVICE_CHANNELS = List.of("telemetry", "event", "status");

    private final MqttSettings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentHashMap<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private MqttAsyncClient client;

    DynsecBrokerCredentials(MqttSettings settings) {
        this.settings = settings;
    }

    @Override
    public String grant(String deviceId, String secret) {
        String role = roleOf(deviceId);
        ObjectNode createRole = command("createRole").put("rolename", role);
        ArrayNode acls = createRole.putArray("acls");
        // Only the three channels: anything else gets "not authorized" from the broker (PUBACK 0x87).
        for (String channel : DEVICE_CHANNELS) {
            acls.addObject().put("acltype", "publishClientSend")
                    .put("topic", "smartcare/v1/devices/" + deviceId + "/" + channel)
                    .put("allow", true).put("priority", 0);
        }
        ObjectNode createClient = command("createClient").put("username", deviceId).put("password", secret);
        createClient.putArray("roles").addObject().put("rolename", role);
        // Re-registration replaces the account and its role: the old secret stops working at once.
        ObjectNode deleteClient = command("deleteClient").put("username", deviceId);
        ObjectNode deleteRole = command("deleteRole").put("rolename", role);
        List<JsonNode> answers = execute(List.of(deleteClient, deleteRole, createRole, createClient));
        failUnless(answers.get(0), "Client not found");
        failUnless(answers.get(1), "Role not found");
        failUnless(answers.get(2), null);
        failUnless(answers.get(3), null);
        return deviceId;
    }

    @Override
    public void revoke(String deviceId) {
        List<JsonNode> answers = execute(List.of(
                command("deleteClient").put("username", deviceId),
                command("deleteRole").put("rolename", roleOf(deviceId))));
        failUnless(answers.get(0), "Client not found");
        failUnless(answers.get(1), "Role not found");
    }

    private static String roleOf(String deviceId) {
        return "device-" + deviceId;
    }

    private ObjectNode command(String name) {
        return json.createObjectNode().put("command", name);
    }

    private static void failUnless(JsonNode answer, String tolerated) {
        if (!answer.hasNonNull("error")) {
            return;
        }
        String error = answer.get("error").asText();
        if (!error.equals(tolerated)) {
            throw new IllegalStateException("broker refused " + answer.path("command").asText() + ": " + error);
        }
    }

    /** Sends the commands one request each and returns the answers in order. */
    private synchronized List<JsonNode> execute(List<ObjectNode> commands) {
        try {
            ensureConnected();
            List<CompletableFuture<JsonNode>> answers = commands.stream().map(this::send).toList();
            return answers.stream().map(f -> f.orTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).join()).toList();
        } catch (MqttException e) {
            throw new IllegalStateException("broker control API unreachable: " + e.getMessage(), e);
        }
    }

    private CompletableFuture<JsonNode> send(ObjectNode command) {
        String correlation = UUID.randomUUID().toString();
        command.put("correlationData", correlation);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(correlation, answer);
        ObjectNode envelope = json.createObjectNode();
        envelope.putArray("commands").add(command);
        try {
            client.publish(CONTROL, json.writeValueAsBytes(envelope), 1, false).waitForCompletion(TIMEOUT_MS);
        } catch (Exception e) {
            pending.remove(correlation);
            answer.completeExceptionally(e);
        }
        return answer.whenComplete((r, e) -> pending.remove(correlation));
    }

    private void ensureConnected() throws MqttException {
        if (client != null && client.isConnected()) {
            return;
        }
        if (client != null) {
            client.close(true);
        }
        client = new MqttAsyncClient(settings.url(), settings.clientId() + "-control-" + UUID.randomUUID(),
                new MemoryPersistence());
        client.setCallback(new ResponseCallback());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(settings.username());
        options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        client.connect(options).waitForCompletion(TIMEOUT_MS);
        IMqttToken subscribed = client.subscribe(RESPONSE, 1);
        subscribed.waitForCompletion(TIMEOUT_MS);
        int[] codes = subscribed.getReasonCodes();
        if (codes == null || codes.length == 0 || codes[0] > 2) {
            throw new IllegalStateException("the service account may not read " + RESPONSE + " (check its broker role)");
        }
    }

    @PreDestroy
    synchronized void close() {
        PahoControlClients.closeQuietly(client, 2_000);
    }

    /** Runs on Paho's thread: it only completes futures. */
    private final class ResponseCallback extends PahoControlClients.MessagesOnly {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                for (JsonNode answer : json.readTree(message.getPayload()).path("responses")) {
                    CompletableFuture<JsonNode> future = pending.get(answer.path("correlationData").asText());
                    if (future != null) {
                        future.complete(answer);
                    }
                }
            } catch (java.io.IOException e) {
                pending.values().forEach(f -> f.completeExceptionally(e));
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("broker disconnected")));
        }
    }
}
