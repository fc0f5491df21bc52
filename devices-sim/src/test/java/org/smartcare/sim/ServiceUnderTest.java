package org.smartcare.sim;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged SmartCare service ({@code smartcare.service.jar}) started as its own process against the
 * project's database and broker (from the environment deploy/lib/env.sh exports), on a free port with its own
 * share group and a short session, plus its command-line helpers ({@code rounds-world}, {@code token}).
 */
final class ServiceUnderTest implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path jar;
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceUnderTest(Path jar, Process process, Path log, int port) {
        this.jar = jar;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static ServiceUnderTest start(Path workDir, Map<String, String> extraEnvironment) throws Exception {
        Path jar = jar();
        int port = freePort();
        String instance = "sim-it-" + UUID.randomUUID().toString().substring(0, 8);
        Path log = workDir.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SMARTCARE_HTTP_PORT", Integer.toString(port));
        env.put("SMARTCARE_INSTANCE_ID", instance);
        env.put("SMARTCARE_MQTT_SHARE_GROUP", instance);
        // A session that outlives the test would keep taking the group's messages and queueing in the broker.
        env.put("SMARTCARE_MQTT_SESSION_EXPIRY_SECONDS", "30");
        env.put("SMARTCARE_ORDERS_PLAN_GENERATION_ENABLED", "false");
        env.putAll(extraEnvironment);
        ServiceUnderTest service = new ServiceUnderTest(jar, builder.start(), log, port);
        service.awaitReady();
        return service;
    }

    URI graphql() {
        return URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    /** Runs {@code java -jar smartcare.jar args...} (a command-line helper) and returns what it printed. */
    String runTool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process tool = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(tool.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tool.waitFor() != 0) {
            throw new IllegalStateException("smartcare " + String.join(" ", args) + " failed: " + err + out);
        }
        return out.strip();
    }

    String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited at start:\n" + logTail());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("the service was not healthy within " + START_TIMEOUT + ":\n" + logTail());
    }

    private static Path jar() {
        String configured = System.getProperty("smartcare.service.jar");
        if (configured == null || !new File(configured).isFile()) {
            throw new IllegalStateException("smartcare.service.jar must name the packaged service (got " + configured
                    + "); build the service first (deploy/test does: mvn verify in the repository root)");
        }
        return Path.of(configured);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
