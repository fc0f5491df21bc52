package org.smartcare.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/** The packaged service as a separate process, so a test can SIGKILL it and start it again. */
public final class ServiceProcess implements AutoCloseable {

    private static final String BROKER_URL = System.getenv().getOrDefault("SMARTCARE_MQTT_URL", "tcp://127.0.0.1:51883");

    private final List<String> command;
    private final String instanceId;
    private final File log;
    private final int port;
    private Process process;

    private ServiceProcess(List<String> command, String instanceId, File log, int port) {
        this.command = command;
        this.instanceId = instanceId;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar the build just packaged, as one more ingest instance with the given identity. */
    public static ServiceProcess start(String instanceId, String shareGroup, Path logFile) throws IOException {
        String jar = System.getProperty("smartcare.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("smartcare.jar must name the packaged service (run through mvn verify)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dsmartcare.mqtt.client-id=" + instanceId,
                "-Dsmartcare.mqtt.share-group=" + shareGroup,
                "-Dsmartcare.mqtt.session-expiry-seconds=600",
                "-Dsmartcare.orders.plan-generation-enabled=false",
                "-Dmicronaut.server.port=" + port,
                "-jar", jar));
        ServiceProcess service = new ServiceProcess(command, instanceId, logFile.toFile(), port);
        service.launch();
        return service;
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    /** Waits until /health answers UP (database and broker connected). */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not become healthy in " + timeout + "; see " + log);
    }

    public java.net.URI wsUri() {
        return URI.create("ws://127.0.0.1:" + port + "/graphql-ws");
    }

    /** SIGKILL: no shutdown hooks, no clean disconnect, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void restart() throws IOException {
        launch();
    }

    /**
     * Stops the service and ends its persistent sessions at the broker: left to expire, they would keep queueing
     * every device message published on the shared broker (a benchmark's city load) for the session expiry.
     */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
        for (String clientId : List.of(instanceId, instanceId + "-events")) {
            endSession(clientId);
        }
    }

    private static void endSession(String clientId) {
        try {
            MqttAsyncClient client = new MqttAsyncClient(BROKER_URL, clientId, new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName(System.getenv().getOrDefault("SMARTCARE_MQTT_USER", "smartcare-service"));
            options.setPassword(System.getenv().getOrDefault("SMARTCARE_MQTT_PASSWORD", "")
                    .getBytes(StandardCharsets.UTF_8));
            options.setCleanStart(true);
            options.setSessionExpiryInterval(0L);
            client.connect(options).waitForCompletion(10_000);
            client.disconnect().waitForCompletion(10_000);
            client.close();
        } catch (MqttException e) {
            System.err.println("could not end the broker session of " + clientId + ": " + e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
