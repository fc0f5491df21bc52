package org.smartcare.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code devices-sim load}: publish schema-valid messages as fast as the broker takes them. */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "%n",
        header = "Benchmark: publish schema-valid device messages as fast as the broker acknowledges them.",
        description = {
                "Opens --connections connections logged in --as a privileged account (one allowed to publish "
                        + "on smartcare/v1/devices/#) and publishes QoS 1 with at most --inflight unacknowledged "
                        + "publishes per connection, until --messages were sent or --duration passed.",
                "",
                "Message n (0-based, over all connections) goes to device n %% D with seq S + n / D, where "
                        + "D = --devices, S = --seq-start and device i is <prefix><i+1, 6 digits>, e.g. "
                        + "load-bed-000001. So with --messages M the exact set is known in advance: device i "
                        + "sends seqs S .. S + c_i - 1, c_i = the count of n < M with n %% D = i; with --duration "
                        + "the summary's 'messages' is M. ts is the wall clock in +08:00. Devices are not "
                        + "registered: the service may dead-letter them unless the caller registered them."},
        footer = {
                "",
                "Examples:",
                "  devices-sim load --as smartcare-bench --password \"$P\" --connections 4 --kind bed --samples 1 \\",
                "      --messages 200000 --devices 1000 --summary-json load.json",
                "  devices-sim load --as smartcare-bench --password \"$P\" --kind event --event-type turn --duration 60s",
                "",
                "Exit status: 0 every publish acknowledged, 1 some refused or failed, 2 invalid usage."})
public final class LoadCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--as", paramLabel = "USER", required = true,
            description = "Account allowed to publish on smartcare/v1/devices/# (e.g. smartcare-bench).")
    String user;

    @Option(names = "--password", paramLabel = "P", defaultValue = "${env:SMARTCARE_BENCH_PASSWORD}",
            description = "Its password (default: $SMARTCARE_BENCH_PASSWORD).")
    String password;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "bed",
            description = "bed, button or camera telemetry, or event (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1",
            description = "Samples per bed message, 1..120 (default: ${DEFAULT-VALUE}; a real bed sends 10).")
    int samples;

    @Option(names = "--event-type", paramLabel = "TYPE", defaultValue = "sos_press",
            converter = Converters.AnyEventTypeConverter.class, completionCandidates = Converters.AllEventTypeNames.class,
            description = "Event type with --kind event: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    EventType eventType;

    @Option(names = "--messages", paramLabel = "M", description = "Stop after M messages (default: 100000 unless --duration).")
    Long messages;

    @Option(names = "--duration", paramLabel = "TIME", converter = Converters.DurationConverter.class,
            description = "Stop after this long (with --messages: whichever comes first).")
    Duration duration;

    @Option(names = "--devices", paramLabel = "D", defaultValue = "1000", description = "Distinct device ids (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--device-prefix", paramLabel = "TEXT",
            description = "Device id prefix (default: load-<kind>-, e.g. load-bed-000001).")
    String prefix;

    @Option(names = "--seq-start", paramLabel = "S", description = "First seq of every device (default: now in epoch microseconds).")
    Long seqStart;

    @Option(names = "--connections", paramLabel = "K", defaultValue = "4", description = "Connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--inflight", paramLabel = "W", defaultValue = "500",
            description = "Unacknowledged publishes per connection (default: ${DEFAULT-VALUE}; the broker's "
                    + "max_inflight_messages caps it).")
    int inflight;

    @Option(names = "--broker", paramLabel = "URL", defaultValue = "${env:SMARTCARE_MQTT_URL:-" + SimCli.DEFAULT_BROKER + "}",
            description = "Broker URL (default: $SMARTCARE_MQTT_URL, else " + SimCli.DEFAULT_BROKER + ").")
    String broker;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "10s", converter = Converters.DurationConverter.class,
            description = "Connect timeout (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Also write the summary as JSON to FILE.")
    Path summaryJson;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    /** Resends after PUBACK 0x10, 100 ms apart: up to a minute without any subscriber. */
    private static final int MAX_RESENDS = 600;
    private static final long RESEND_DELAY_MS = 100;

    @Override
    public Integer call() throws Exception {
        LoadMessages.Kind k = validate();
        long limit = messages != null ? messages : duration != null ? Long.MAX_VALUE : 100_000;
        long seq0 = seqStart != null ? seqStart : SequenceNumbers.epochMicros(Instant.now());
        String idPrefix = prefix != null ? prefix : "load-" + k.word() + "-";
        int perMessage = k == LoadMessages.Kind.BED ? samples : 0;
        LoadMessages catalogue = new LoadMessages(k, samples, devices, seq0, idPrefix, eventType,
                Clock.system(DeviceModel.LOCAL_ZONE));
        PrintWriter out = spec.commandLine().getOut();
        out.println("devices-sim load: " + k.word() + (k == LoadMessages.Kind.BED ? " x" + samples + " samples" : "")
                + (k == LoadMessages.Kind.EVENT ? " " + eventType : "") + ", " + devices + " devices "
                + catalogue.deviceId(0) + ".." + catalogue.deviceId(devices - 1) + ", seq from " + seq0 + ", "
                + connections + " connections x " + inflight + " in flight as " + user + ", "
                + (limit == Long.MAX_VALUE ? "" : limit + " messages") + (duration == null ? "" : (limit == Long.MAX_VALUE ? "" : ", at most ")
                + Durations.format(duration)) + ", broker " + broker);
        out.flush();

        LongAdder acknowledged = new LongAdder();
        LongAdder resent = new LongAdder();
        LongAdder settled = new LongAdder();
        ScheduledExecutorService resender = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("devices-sim-load-resend").factory());
        LongAdder refused = new LongAdder();
        LongAdder failed = new LongAdder();
        LongAdder connectFailures = new LongAdder();
        AtomicLong next = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        AtomicLong published = new AtomicLong();
        String[] lastError = {null};
        CountDownLatch stop = new CountDownLatch(1);
        Link.Listener listener = new Link.Listener() {
            @Override
            public void completed(Link.Publish publish, PublishResult result) {
                Attempt attempt = (Attempt) publish.tag();
                if (result.acknowledged() && result.reasonCode() == ReasonCodes.NO_MATCHING_SUBSCRIBERS
                        && attempt.number() < MAX_RESENDS) {
                    // Not delivered to anyone (e.g. the service is resubscribing): the same bytes again, later.
                    resent.increment();
                    Link.Publish again = new Link.Publish(publish.topic(), publish.payload(), false, attempt.next());
                    resender.schedule(() -> attempt.link().send(again), RESEND_DELAY_MS, TimeUnit.MILLISECONDS);
                    return;
                }
                settled.increment();
                switch (result.outcome()) {
                    case ACKNOWLEDGED -> acknowledged.increment();
                    case REFUSED -> refused.increment();
                    case FAILED -> failed.increment();
                }
                if (!result.acknowledged()) {
                    lastError[0] = result.describe();
                }
                lastAck.set(System.nanoTime());
            }

            @Override
            public void connectFailed(Link link, String detail) {
                connectFailures.increment();
                lastError[0] = link.clientId() + ": connect: " + detail;
            }
        };
        long start;
        long end;
        List<Link> links = new ArrayList<>();
        AtomicLong firstPublishMs = new AtomicLong();
        try (PublishLoop loop = new PublishLoop(PublishLoop.DEFAULT_LINGER);
             ProgressLine progress = ProgressLine.start(!quiet, spec.commandLine().getErr(), published::get,
                     () -> "published " + published.get() + "  acked " + acknowledged.sum() + "  refused "
                             + refused.sum() + "  failed " + failed.sum())) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < connections; i++) {
                Link link = new BatchingLink(new Link.Settings(broker, "devices-sim-load-" + run + "-" + i, user,
                        password, inflight, (int) Math.max(1, timeout.toSeconds())), loop, listener);
                link.source(() -> {
                    if (stop.getCount() == 0) {
                        return null;
                    }
                    long n = next.getAndIncrement();
                    if (n >= limit) {
                        return null;
                    }
                    if (published.incrementAndGet() == 1) {
                        firstPublishMs.set(System.currentTimeMillis());
                    }
                    return new Link.Publish(catalogue.topic(n), catalogue.payload(n), false, new Attempt(link, 0));
                });
                links.add(link);
            }
            start = System.nanoTime();
            links.forEach(link -> link.connect(null, null, null));
            waitUntilDone(links, stop, limit, next);
            waitUntilSettled(published, settled, links);
            List<CompletableFuture<Void>> closing = links.stream().map(Link::close).toList();
            try {
                CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                spec.commandLine().getErr().println("warning: some publishes were not answered within 60 s");
            }
            end = lastAck.get() == 0 ? System.nanoTime() : lastAck.get();
            links.forEach(Link::release);
        } finally {
            resender.shutdownNow();
        }
        double seconds = Math.max(1e-9, (end - start) / 1e9);
        long sent = published.get();
        double rate = acknowledged.sum() / seconds;
        out.printf("summary: published %d, acknowledged %d, refused %d, failed %d, connect failures %d in %.2f s: "
                        + "%.0f msg/s acknowledged (%.0f samples/s); resent after PUBACK 0x10: %d%n", sent,
                acknowledged.sum(), refused.sum(), failed.sum(), connectFailures.sum(), seconds, rate, rate * perMessage,
                resent.sum());
        if (lastError[0] != null) {
            out.println("last error: " + lastError[0]);
        }
        out.flush();
        if (summaryJson != null) {
            ObjectNode root = JSON.createObjectNode();
            root.put("kind", k.word());
            if (k == LoadMessages.Kind.EVENT) {
                root.put("event_type", eventType.wireName());
            }
            root.put("samples_per_message", perMessage);
            root.put("devices", devices);
            root.put("device_prefix", idPrefix);
            root.put("first_device", catalogue.deviceId(0));
            root.put("last_device", catalogue.deviceId(devices - 1));
            root.put("seq_start", seq0);
            root.put("connections", connections);
            root.put("inflight", inflight);
            root.put("messages", sent);
            ObjectNode s = root.putObject("sent");
            s.put(k.messageKind() == MessageKind.EVENT ? "events_total" : k.messageKind().key(), sent);
            if (k == LoadMessages.Kind.BED) {
                s.put("bed_samples", sent * samples);
            }
            root.put("acknowledged", acknowledged.sum());
            root.put("refused", refused.sum());
            root.put("failed", failed.sum());
            root.put("connect_failures", connectFailures.sum());
            root.put("resent_no_subscribers", resent.sum());
            root.put("elapsed_s", Math.round(seconds * 1000) / 1000.0);
            root.put("rate_per_s", Math.round(rate));
            // Wall-clock time of the first publish: where a benchmark's "published -> committed" starts.
            root.put("started_ms", firstPublishMs.get());
            root.put("samples_per_s", Math.round(rate * perMessage));
            writeJson(root);
        }
        boolean ok = refused.sum() == 0 && failed.sum() == 0 && connectFailures.sum() == 0 && acknowledged.sum() == sent;
        return ok ? 0 : 1;
    }

    /** Until every publish got its final answer (resends after 0x10 included), or a minute passed. */
    private static void waitUntilSettled(AtomicLong published, LongAdder settled, List<Link> links)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (settled.sum() < published.get() && System.nanoTime() < deadline
                && !links.stream().allMatch(Link::failed)) {
            Thread.sleep(20);
        }
    }

    /** Which link sends a message, and how often it was resent after a PUBACK 0x10. */
    private record Attempt(Link link, int number) {
        Attempt next() {
            return new Attempt(link, number + 1);
        }
    }

    /** Until the message count is reached, the duration passed, every link failed, or Ctrl-C. */
    private void waitUntilDone(List<Link> links, CountDownLatch stop, long limit, AtomicLong next) throws InterruptedException {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        Thread hook = new Thread(stop::countDown, "devices-sim-load-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (next.get() < limit && System.nanoTime() < deadline) {
                if (stop.await(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS)) {
                    break;
                }
                if (links.stream().allMatch(Link::failed)) {
                    break;
                }
            }
        } finally {
            stop.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Shutting down already.
            }
        }
    }

    private void writeJson(ObjectNode root) throws IOException {
        Path parent = summaryJson.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(summaryJson.toFile(), root);
    }

    private LoadMessages.Kind validate() {
        LoadMessages.Kind k;
        try {
            k = LoadMessages.Kind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw usage("--kind: " + e.getMessage());
        }
        if (password == null) {
            throw usage("--as needs --password P (or $SMARTCARE_BENCH_PASSWORD)");
        }
        if (samples < 1 || samples > 120) {
            throw usage("--samples must be within 1..120, got " + samples);
        }
        if (messages != null && messages < 1) {
            throw usage("--messages must be at least 1");
        }
        if (devices < 1 || devices > 999_999) {
            throw usage("--devices must be within 1..999999");
        }
        if (connections < 1 || inflight < 1) {
            throw usage("--connections and --inflight must be at least 1");
        }
        if (seqStart != null && seqStart < 0) {
            throw usage("--seq-start must be >= 0");
        }
        String p = prefix != null ? prefix : "load-" + k.word() + "-";
        String problem = DeviceCredentials.deviceIdProblem(p + "000001");
        if (problem != null) {
            throw usage("--device-prefix: " + problem);
        }
        return k;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
