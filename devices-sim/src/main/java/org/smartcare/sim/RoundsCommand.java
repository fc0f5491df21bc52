package org.smartcare.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code devices-sim rounds}: caregivers doing their rounds. Each caregiver's phone publishes location fixes
 * (CAREGIVER_PHONE, schema/mqtt/caregiver-location.v1.schema.json) while orders are created, assigned, checked
 * in and out through the GraphQL API; each anomaly kind is injected at a set rate and the ground truth written
 * to a JSON file, scored against what the service's detector found (recall and precision).
 */
@Command(
        name = "rounds",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Caregivers' rounds with injected abnormal orders; ground truth and detector recall/precision.",
        description = {
                "The world file (JSON) names the tenant's provider institution, elders' homes and caregivers with "
                        + "their phones' broker credentials, as 'java -jar smartcare.jar rounds-world' writes it. "
                        + "The token must be an OPERATOR's (or ADMIN's) of that tenant.",
                "",
                "Exit status: 0 when run and scored, 1 when a step failed, 2 invalid usage."})
public final class RoundsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String RESULT = "order { id state anomalies { kind } } error { code message }";
    private static final String CREATE = "mutation($input: CreateServiceOrderInput!) { createServiceOrder(input: $input) { "
            + RESULT + " } }";
    private static final String ASSIGN = "mutation($id: ID!, $caregiver: ID!) { assignServiceOrder(id: $id, caregiver: $caregiver) { "
            + RESULT + " } }";
    private static final String TRAVEL = "mutation($id: ID!) { startServiceOrderTravel(id: $id) { " + RESULT + " } }";
    private static final String CHECK_IN = "mutation($id: ID!, $fix: LocationFixInput!) { checkIn(id: $id, fix: $fix) { "
            + RESULT + " } }";
    private static final String CHECK_OUT = "mutation($id: ID!, $fix: LocationFixInput!) { checkOut(id: $id, fix: $fix) { "
            + RESULT + " } }";
    private static final String ANOMALIES = "query($id: ID!) { serviceOrder(id: $id) { anomalies { kind } } }";

    @Spec
    CommandSpec spec;

    @Option(names = "--world", required = true, paramLabel = "FILE", description = "World file (JSON).")
    Path world;

    @Option(names = "--api", paramLabel = "URL", defaultValue = "${env:SMARTCARE_API_URL:-http://127.0.0.1:8080/graphql}",
            description = "GraphQL endpoint (default: ${DEFAULT-VALUE}).")
    URI api;

    @Option(names = "--token", paramLabel = "JWT", defaultValue = "${env:SMARTCARE_TOKEN}",
            description = "Bearer token of an OPERATOR of the world's tenant (default: $SMARTCARE_TOKEN).")
    String token;

    @Option(names = "--broker", paramLabel = "URL", defaultValue = "${env:SMARTCARE_MQTT_URL:-" + SimCli.DEFAULT_BROKER + "}",
            description = "Broker URL (default: ${DEFAULT-VALUE}).")
    String broker;

    @Option(names = "--orders", paramLabel = "N", defaultValue = "10", description = "Orders per caregiver (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--rate", paramLabel = "P", defaultValue = "0.05",
            description = "Probability per order and anomaly kind (default: ${DEFAULT-VALUE}; at most 1/6).")
    double rate;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: random, printed).")
    Long seed;

    @Option(names = "--truth", paramLabel = "FILE", defaultValue = "rounds-truth.json",
            description = "Where to write the ground truth and the score (default: ${DEFAULT-VALUE}).")
    Path truth;

    @Option(names = "--ingest-wait", paramLabel = "TIME", defaultValue = "1500ms", converter = Converters.DurationConverter.class,
            description = "Pause after publishing fixes, before the check-in/out that judges them (default: ${DEFAULT-VALUE}).")
    Duration ingestWait;

    /** A caregiver from the world file. */
    record Carer(long id, String phone, String secret) {
    }

    /** One order as run: the plan's visit and the service's order id. */
    record Ran(Carer carer, RoundsPlan.Visit visit, String orderId) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!(rate > 0 && rate <= 1.0 / 6) || orders < 1 || token == null || token.isBlank()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "need 0 < --rate <= 1/6, --orders >= 1 and a token (--token or $SMARTCARE_TOKEN)");
        }
        JsonNode w = JSON.readTree(world.toFile());
        List<RoundsPlan.Home> homes = new ArrayList<>();
        w.get("elders").forEach(e -> homes.add(new RoundsPlan.Home(e.get("id").asLong(), e.get("lat").asDouble(),
                e.get("lon").asDouble())));
        List<Carer> carers = new ArrayList<>();
        w.get("caregivers").forEach(c -> carers.add(new Carer(c.get("id").asLong(), c.get("phone").asText(),
                c.get("secret").asText())));
        long institution = w.get("institution").asLong();
        long runSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        String run = Long.toString(System.currentTimeMillis(), 36);
        out.printf("rounds: %d caregivers x %d orders, rate %.3f per kind, seed %d, run %s%n", carers.size(), orders,
                rate, runSeed, run);
        out.flush();
        Instant start = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        GraphQLClient client = new GraphQLClient(api, token);
        List<Ran> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(carers.size(), 32));
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < carers.size(); i++) {
            Carer carer = carers.get(i);
            RoundsPlan plan = RoundsPlan.plan(new Random(runSeed + i), homes, start, orders, rate);
            work.add(pool.submit(() -> {
                runRound(client, carer, plan, institution, run, ran);
                return null;
            }));
        }
        int failed = 0;
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
                out.println("round failed: " + e.getCause().getMessage());
            }
        }
        pool.shutdown();
        ObjectNode report = score(client, ran, runSeed, run);
        Files.writeString(truth, JSON.writeValueAsString(report), StandardCharsets.UTF_8);
        out.printf("orders %d, injected %d, detected %d, true positives %d: recall %.4f precision %.4f -> %s%n",
                report.get("orders").asInt(), report.at("/score/injected").asInt(), report.at("/score/detected").asInt(),
                report.at("/score/truePositives").asInt(), report.at("/score/recall").asDouble(),
                report.at("/score/precision").asDouble(), truth);
        report.get("score").get("byKind").fields().forEachRemaining(e -> out.printf("  %-24s %s%n", e.getKey(), e.getValue()));
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private void runRound(GraphQLClient client, Carer carer, RoundsPlan plan, long institution, String run,
                          List<Ran> ran) throws InterruptedException {
        Map<Integer, String> orderIds = new java.util.HashMap<>();
        DeviceCredentials phone = DeviceCredentials.of(carer.phone(), carer.secret());
        long seq = System.currentTimeMillis() * 1000;
        try (DevicePublisher publisher = new DevicePublisher(broker, Duration.ofSeconds(10))) {
            for (RoundsPlan.Step step : plan.steps()) {
                switch (step) {
                    case RoundsPlan.Step.Fixes fixes -> {
                        for (RoundsPlan.Fix fix : fixes.fixes()) {
                            publish(publisher, phone, location(seq++, fix));
                        }
                        if (!fixes.fixes().isEmpty()) {
                            Thread.sleep(ingestWait.toMillis());
                        }
                    }
                    case RoundsPlan.Step.CheckIn in -> {
                        String id = checkIn(client, carer, in.visit(), institution, run);
                        orderIds.put(in.visit().index(), id);
                        ran.add(new Ran(carer, in.visit(), id));
                    }
                    case RoundsPlan.Step.CheckOut checkOut -> step(client, CHECK_OUT, Map.of("id",
                            orderIds.get(checkOut.visit().index()), "fix", fix(checkOut.visit().checkOut())), "checkOut");
                }
            }
        }
    }

    /**
     * Publishes until acknowledged, for up to a minute: the broker may restart under us (other tests do), and
     * resending is harmless because (device, ts, seq) deduplicates. PUBACK 0x10 (no subscribers) is retried too.
     */
    private void publish(DevicePublisher publisher, DeviceCredentials phone, byte[] payload) throws InterruptedException {
        String topic = "smartcare/v1/devices/" + phone.deviceId() + "/telemetry";
        PublishResult result = publisher.publish(phone, topic, payload);
        for (int attempt = 0; !delivered(result) && attempt < 60; attempt++) {
            Thread.sleep(1000);
            result = publisher.publish(phone, topic, payload);
        }
        if (!delivered(result)) {
            throw new IllegalStateException("fix of " + phone.deviceId() + " not delivered: " + result.describe());
        }
    }

    private static boolean delivered(PublishResult result) {
        return result.acknowledged() && result.reasonCode() != ReasonCodes.NO_MATCHING_SUBSCRIBERS;
    }

    private String checkIn(GraphQLClient client, Carer carer, RoundsPlan.Visit visit, long institution, String run) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("type", visit.type());
        input.put("elder", globalId("Elder", visit.home().elderId()));
        input.put("institution", globalId("Institution", institution));
        input.put("scheduledStart", visit.scheduledStart().toString());
        input.put("scheduledEnd", visit.scheduledEnd().toString());
        input.put("origin", "PLANNED");
        input.put("idempotencyKey", "rounds-" + run + "-" + carer.id() + "-" + visit.index());
        String id = step(client, CREATE, Map.of("input", input), "createServiceOrder").at("/order/id").asText();
        step(client, ASSIGN, Map.of("id", id, "caregiver", globalId("Caregiver", carer.id())), "assignServiceOrder");
        step(client, TRAVEL, Map.of("id", id), "startServiceOrderTravel");
        step(client, CHECK_IN, Map.of("id", id, "fix", fix(visit.checkIn())), "checkIn");
        return id;
    }

    private static JsonNode step(GraphQLClient client, String document, Map<String, ?> variables, String field) {
        JsonNode payload = client.execute(document, variables).get(field);
        if (!payload.path("error").isNull() && !payload.path("error").isMissingNode()) {
            throw new IllegalStateException(field + " refused: " + payload.get("error"));
        }
        return payload;
    }

    private ObjectNode score(GraphQLClient client, List<Ran> ran, long runSeed, String run) {
        ObjectNode report = JSON.createObjectNode();
        report.put("run", run).put("seed", runSeed).put("ratePerKind", rate).put("orders", ran.size());
        ArrayNode rows = report.putArray("truth");
        Map<RoundsPlan.Kind, int[]> byKind = new EnumMap<>(RoundsPlan.Kind.class); // tp, fp, fn
        for (RoundsPlan.Kind kind : RoundsPlan.Kind.values()) {
            byKind.put(kind, new int[3]);
        }
        for (Ran r : ran) {
            Set<RoundsPlan.Kind> detected = EnumSet.noneOf(RoundsPlan.Kind.class);
            client.execute(ANOMALIES, Map.of("id", r.orderId())).at("/serviceOrder/anomalies")
                    .forEach(a -> detected.add(RoundsPlan.Kind.valueOf(a.get("kind").asText())));
            for (RoundsPlan.Kind kind : RoundsPlan.Kind.values()) {
                boolean injected = r.visit().injected().contains(kind);
                boolean found = detected.contains(kind);
                byKind.get(kind)[injected && found ? 0 : found ? 1 : injected ? 2 : 0] += injected || found ? 1 : 0;
            }
            ObjectNode row = rows.addObject();
            row.put("orderId", r.orderId()).put("caregiver", r.carer().id()).put("elder", r.visit().home().elderId())
                    .put("type", r.visit().type());
            r.visit().injected().forEach(k -> row.withArray("injected").add(k.name()));
            row.withArray("injected");
            detected.forEach(k -> row.withArray("detected").add(k.name()));
            row.withArray("detected");
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        ObjectNode score = report.putObject("score");
        ObjectNode kinds = score.putObject("byKind");
        for (var entry : byKind.entrySet()) {
            int[] c = entry.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            kinds.putObject(entry.getKey().name()).put("injected", c[0] + c[2]).put("truePositives", c[0])
                    .put("falsePositives", c[1]).put("missed", c[2]);
        }
        score.put("injected", tp + fn).put("detected", tp + fp).put("truePositives", tp)
                .put("recall", tp + fn == 0 ? 1.0 : (double) tp / (tp + fn))
                .put("precision", tp + fp == 0 ? 1.0 : (double) tp / (tp + fp));
        return report;
    }

    static byte[] location(long seq, RoundsPlan.Fix fix) {
        return String.format(java.util.Locale.ROOT, "{\"v\":1,\"seq\":%d,\"ts\":\"%s\",\"lat\":%.7f,\"lon\":%.7f,\"accuracyM\":%.1f}",
                seq, fix.at(), fix.lat(), fix.lon(), fix.accuracyM()).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> fix(RoundsPlan.Fix fix) {
        return Map.of("at", fix.at().toString(), "latitude", fix.lat(), "longitude", fix.lon(), "accuracyM",
                fix.accuracyM());
    }

    static String globalId(String type, long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }
}
