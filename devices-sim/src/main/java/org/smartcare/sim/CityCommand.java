package org.smartcare.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.common.MqttException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code devices-sim city}: a city of bed sensors, buttons and cameras living their days on the broker. */
@Command(
        name = "city",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "%n",
        header = "Simulate a city of devices: beds, SOS buttons and nursery cameras, each with its own login.",
        description = {
                "Every device connects with its own credentials from --devices (username and client id = "
                        + "device id), registers a retained QoS 1 Last Will {online:false, reason:\"will\"} on "
                        + "smartcare/v1/devices/<id>/status and publishes a retained status online:true.",
                "",
                "Beds send 1 Hz vitals in batches of 10 every 10 s, following the elder's day in "
                        + "Asia/Shanghai time (asleep ~22:00-06:30 with lower heart rate and respiration, turns, "
                        + "night bed exits that mostly return within minutes, rare apnea and sensor faults). "
                        + "Buttons send a heartbeat every 5 min (battery, signal, GPS for some) and rare SOS "
                        + "presses (some cancelled within 30 s) and falls. Cameras are online 07:30-18:00 with "
                        + "a stream-health heartbeat every 30 s, rare restricted-zone motion and tamper; at "
                        + "closing they publish status offline (reason shutdown) and disconnect.",
                "",
                "Simulated time starts at --start and runs --speed times as fast as the wall clock; "
                        + "payload ts is the simulated device time. seq starts at the current epoch "
                        + "microseconds per device and grows by one per message (the Last Will takes the "
                        + "seq at connect, the online status the next one). One scheduler thread drives all "
                        + "devices; per-device connections are Paho clients on virtual threads (JDK 24+), "
                        + "the --shared-connection ones share one event-loop thread that writes every 5 ms "
                        + "what was queued.",
                "",
                "A progress line goes to stderr every second; the summary to stdout and, with "
                        + "--summary-json, to a file: 'sent' counts unique messages (what the service "
                        + "should store), duplicate and malformed copies are under 'faults'."},
        footer = {
                "",
                "Examples:",
                "  devices-sim city --devices city.csv --speed 60 --duration 10m --seed 1",
                "  devices-sim city --devices city.csv --beds 100 --buttons 0 --cameras 0 \\",
                "      --start 21:30 --speed 600 --duration 2m --summary-json out.json",
                "  devices-sim city --devices city.csv --malformed-rate 0.01 --duplicate-rate 0.01 \\",
                "      --out-of-order-rate 0.01 --disconnect-rate 0.001",
                "  # load test, tens of thousands of devices over 4 privileged connections:",
                "  devices-sim city --devices big.csv --shared-connection --connections 4 \\",
                "      --as smartcare-bench --password \"$BENCH_PASSWORD\" --speed 10",
                "",
                "Exit status: 0 every publish acknowledged, 1 some publish refused or failed or a device "
                        + "could not connect, 2 invalid usage."})
public final class CityCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--devices", paramLabel = "FILE", required = true,
            description = "CSV file of lines 'deviceId,secret,type', type BED_SENSOR, SOS_BUTTON or NURSERY_CAMERA.")
    Path devicesFile;

    @ArgGroup(exclusive = false, heading = "%nWhich devices (default: all of each type in the file):%n", validate = false)
    Selection selection = new Selection();

    @ArgGroup(exclusive = false, heading = "%nTime:%n", validate = false)
    Timing timing = new Timing();

    @ArgGroup(exclusive = false, heading = "%nHow often rare events happen:%n", validate = false)
    Rates rates = new Rates();

    @ArgGroup(exclusive = false, heading = "%nFault injection (probability per telemetry or event message):%n", validate = false)
    Faults faults = new Faults();

    @ArgGroup(exclusive = false, heading = "%nBroker and connections:%n", validate = false)
    Connections connections = new Connections();

    @ArgGroup(exclusive = false, heading = "%nOutput:%n", validate = false)
    Output output = new Output();

    static final class Selection {
        @Option(names = "--beds", paramLabel = "N", description = "Use the first N BED_SENSOR devices of the file.")
        Integer beds;

        @Option(names = "--buttons", paramLabel = "N", description = "Use the first N SOS_BUTTON devices.")
        Integer buttons;

        @Option(names = "--cameras", paramLabel = "N", description = "Use the first N NURSERY_CAMERA devices.")
        Integer cameras;
    }

    static final class Timing {
        @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
                description = "Simulated seconds per wall-clock second: 1 real time, 60 one minute per second (default: ${DEFAULT-VALUE}).")
        double speed;

        @Option(names = "--start", paramLabel = "TIME", defaultValue = "now",
                description = "Simulated start: now, HH:mm today, 2026-11-22T21:30 (Asia/Shanghai) or an RFC 3339 time (default: ${DEFAULT-VALUE}).")
        String start;

        @Option(names = "--duration", paramLabel = "TIME", converter = Converters.DurationConverter.class,
                description = "Wall-clock run time, e.g. 90s, 10m (default: until Ctrl-C).")
        Duration duration;

        @Option(names = "--seed", paramLabel = "N", description = "Random seed: same seed, same devices' behaviour and faults (default: random, printed).")
        Long seed;
    }

    static final class Rates {
        @Option(names = "--sos-per-hour-per-1000", paramLabel = "R", defaultValue = "2",
                description = "SOS presses per simulated hour per 1000 buttons (default: ${DEFAULT-VALUE}); 30%% are cancelled within 30 s.")
        double sos;

        @Option(names = "--fall-per-hour-per-1000", paramLabel = "R", defaultValue = "0.5",
                description = "Fall detections per simulated hour per 1000 buttons (default: ${DEFAULT-VALUE}).")
        double fall;

        @Option(names = "--event-scale", paramLabel = "X", defaultValue = "1",
                description = "Multiply every rare-event rate (bed exits, apnea, faults, SOS, falls, camera events) by X, "
                        + "to see them in short runs (default: ${DEFAULT-VALUE}).")
        double scale;
    }

    static final class Faults {
        @Option(names = "--malformed-rate", paramLabel = "P", defaultValue = "0", description = "Send truncated JSON instead (default: ${DEFAULT-VALUE}).")
        double malformed;

        @Option(names = "--duplicate-rate", paramLabel = "P", defaultValue = "0", description = "Publish the identical bytes twice.")
        double duplicate;

        @Option(names = "--out-of-order-rate", paramLabel = "P", defaultValue = "0", description = "Hold a message back, send it after the device's next one.")
        double outOfOrder;

        @Option(names = "--disconnect-rate", paramLabel = "P", defaultValue = "0",
                description = "After a message, drop the TCP connection without DISCONNECT (the Last Will fires), "
                        + "reconnect 2-5 s (wall clock) later with a new will and status online.")
        double disconnect;
    }

    static final class Connections {
        @Option(names = "--broker", paramLabel = "URL",
                defaultValue = "${env:SMARTCARE_MQTT_URL:-" + SimCli.DEFAULT_BROKER + "}",
                description = "Broker URL (default: $SMARTCARE_MQTT_URL, else " + SimCli.DEFAULT_BROKER + ").")
        String broker;

        @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "10s", converter = Converters.DurationConverter.class,
                description = "Connect timeout (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--max-connections", paramLabel = "N", defaultValue = "20000",
                description = "Refuse to open more per-device connections than this (default: ${DEFAULT-VALUE}); "
                        + "use --shared-connection beyond.")
        int maxConnections;

        @Option(names = "--connect-concurrency", paramLabel = "N", defaultValue = "64",
                description = "Connects in progress at once (default: ${DEFAULT-VALUE}).")
        int connectConcurrency;

        @Option(names = "--inflight", paramLabel = "N", defaultValue = "50",
                description = "Unacknowledged QoS 1 publishes per connection (default: ${DEFAULT-VALUE}).")
        int inflight;

        @Option(names = "--max-pending", paramLabel = "N", defaultValue = "100000",
                description = "Publishes waiting to be sent per connection; beyond that a publish fails at once, "
                        + "counted as failed, instead of filling the heap (default: ${DEFAULT-VALUE}).")
        int maxPending;

        @Option(names = "--shared-connection",
                description = "Load tests only: publish every device's topics through --connections privileged "
                        + "connections logged in --as USER (no per-device Last Will, no --disconnect-rate).")
        boolean shared;

        @Option(names = "--connections", paramLabel = "K", defaultValue = "2",
                description = "Connections with --shared-connection (default: ${DEFAULT-VALUE}).")
        int sharedConnections;

        @Option(names = "--as", paramLabel = "USER", description = "Account for --shared-connection, allowed to publish on smartcare/v1/devices/#.")
        String user;

        @Option(names = "--password", paramLabel = "P", description = "Its password (default: $SMARTCARE_BENCH_PASSWORD).",
                defaultValue = "${env:SMARTCARE_BENCH_PASSWORD}")
        String password;
    }

    static final class Output {
        @Option(names = "--summary-json", paramLabel = "FILE", description = "Also write the summary as JSON to FILE.")
        Path summaryJson;

        @Option(names = "--quiet", description = "No progress lines on stderr.")
        boolean quiet;
    }

    @Override
    public Integer call() throws Exception {
        validate();
        List<DeviceCredentials.DeviceEntry> devices = selectDevices(readDevices());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long seed = timing.seed != null ? timing.seed : ThreadLocalRandom.current().nextLong();
        Instant start = SimStart.parse(timing.start, Instant.now());
        long simStart = start.toEpochMilli();
        long simEnd = timing.duration == null ? Long.MAX_VALUE : simStart + (long) (timing.duration.toMillis() * timing.speed);
        out.println(plan(devices, seed, start));
        out.flush();

        RunStats stats = new RunStats();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> stopAndWait(stop, done), "devices-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long wallStart = System.nanoTime();
        long simEnded = simStart;
        List<Link> links = new ArrayList<>();
        try (PahoRuntime runtime = connections.shared ? PahoRuntime.forFewConnections(connections.connectConcurrency)
                : PahoRuntime.forManyConnections(connections.connectConcurrency);
             PublishLoop publishLoop = connections.shared ? new PublishLoop(PublishLoop.DEFAULT_LINGER) : null) {
            Link.Listener listener = listener(stats);
            List<DeviceRunner> runners = runners(devices, seed, simStart, stats, runtime, publishLoop, listener, links);
            CitySimulation simulation = new CitySimulation(runners);
            RealTimePacer pacer = SimStart.isNow(timing.start) ? RealTimePacer.startedAt(simStart, timing.speed, stop)
                    : new RealTimePacer(simStart, timing.speed, stop);
            try (ProgressLine progress = ProgressLine.start(!output.quiet, err, stats::published,
                    () -> progress(stats, simulation))) {
                simEnded = simulation.run(simStart, simEnd, pacer);
                closeAll(runners, links);
            } finally {
                links.forEach(Link::release);
            }
        } finally {
            double wallS = (System.nanoTime() - wallStart) / 1e9;
            if (stop.getCount() == 0) {
                out.println("interrupted");
            }
            out.println(stats.render());
            out.printf("ran %.1f s wall clock, simulated %s to %s%n", wallS, DeviceModel.time(simStart),
                    DeviceModel.time(simEnded));
            out.flush();
            if (output.summaryJson != null) {
                writeJson(stats, devices, seed, simStart, simEnded, wallS);
            }
            done.countDown();
            removeHook(hook);
        }
        return stats.hasFailures() ? 1 : 0;
    }

    private List<DeviceRunner> runners(List<DeviceCredentials.DeviceEntry> devices, long seed, long simStart,
                                       RunStats stats, PahoRuntime runtime, PublishLoop publishLoop,
                                       Link.Listener listener, List<Link> links)
            throws MqttException {
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom reconnects = master.split();
        CityRates cityRates = CityRates.defaults().withSos(rates.sos).withFall(rates.fall).withScale(rates.scale);
        FaultRates faultRates = new FaultRates(faults.malformed, faults.duplicate, faults.outOfOrder, faults.disconnect);
        List<Link> shared = new ArrayList<>();
        if (connections.shared) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int k = 0; k < connections.sharedConnections; k++) {
                Link link = new BatchingLink(settings("devices-sim-city-" + run + "-" + k, connections.user,
                        connections.password), publishLoop, listener);
                link.connect(null, null, null);
                shared.add(link);
            }
            links.addAll(shared);
        }
        long firstSeq = SequenceNumbers.epochMicros(Instant.now());
        List<DeviceRunner> runners = new ArrayList<>(devices.size());
        for (int i = 0; i < devices.size(); i++) {
            DeviceCredentials.DeviceEntry entry = devices.get(i);
            SplittableRandom deviceRandom = master.split();
            SplittableRandom faultRandom = master.split();
            String id = entry.deviceId();
            DeviceModel model = switch (entry.type()) {
                case BED_SENSOR -> new BedModel(id, firstSeq, deviceRandom, cityRates, simStart);
                case SOS_BUTTON -> new ButtonModel(id, firstSeq, deviceRandom, cityRates, simStart);
                case NURSERY_CAMERA -> new CameraModel(id, firstSeq, deviceRandom, cityRates, simStart);
            };
            DeviceChannel channel;
            if (connections.shared) {
                channel = new SharedConnection(shared.get(i % shared.size()));
            } else {
                PahoLink link = new PahoLink(settings(id, id, entry.credentials().secret()), runtime, listener);
                links.add(link);
                channel = new OwnConnection(link, id);
            }
            runners.add(new DeviceRunner(model, channel, new FaultInjector(faultRates, faultRandom), stats,
                    () -> (long) ((2_000 + reconnects.nextLong(3_000)) * timing.speed)));
        }
        return runners;
    }

    private Link.Settings settings(String clientId, String user, String password) {
        return new Link.Settings(connections.broker, clientId, user, password, connections.inflight,
                (int) Math.max(1, connections.timeout.toSeconds()), connections.maxPending);
    }

    private static Link.Listener listener(RunStats stats) {
        return new Link.Listener() {
            @Override
            public void completed(Link.Publish publish, PublishResult result) {
                stats.completed(result);
            }

            @Override
            public void connected(Link link) {
                stats.connected();
            }

            @Override
            public void connectFailed(Link link, String detail) {
                stats.connectFailed(link.clientId() + ": " + detail);
            }
        };
    }

    /** Waits for every device's queue to drain and its clean disconnect, then the shared links'. */
    private void closeAll(List<DeviceRunner> runners, List<Link> links) throws InterruptedException {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (DeviceRunner runner : runners) {
            closing.add(runner.channel().close());
        }
        if (connections.shared) {
            links.forEach(link -> closing.add(link.close()));
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(30 + runners.size() / 100, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            spec.commandLine().getErr().println("warning: not every connection closed in time; "
                    + "unanswered publishes stay unanswered in the summary");
        }
    }

    private String progress(RunStats stats, CitySimulation simulation) {
        return "sim " + DeviceModel.time(simulation.simTime()).toLocalDateTime().withNano(0)
                + "  published " + stats.published() + "  acked " + stats.acknowledged() + "  pending "
                + stats.pending() + "  refused " + stats.refused() + "  failed " + stats.failed()
                + "  connect-failures " + stats.connectFailures();
    }

    private void writeJson(RunStats stats, List<DeviceCredentials.DeviceEntry> devices, long seed, long simStart,
                           long simEnd, double wallS) throws IOException {
        ObjectNode root = stats.toJson(JSON);
        ObjectNode run = root.putObject("run");
        Map<DeviceType, Integer> byType = countByType(devices);
        run.put("beds", byType.get(DeviceType.BED_SENSOR));
        run.put("buttons", byType.get(DeviceType.SOS_BUTTON));
        run.put("cameras", byType.get(DeviceType.NURSERY_CAMERA));
        run.put("seed", seed);
        run.put("speed", timing.speed);
        run.put("sim_start", EventPayloads.rfc3339(DeviceModel.time(simStart)));
        run.put("sim_end", EventPayloads.rfc3339(DeviceModel.time(simEnd)));
        run.put("wall_seconds", Math.round(wallS * 10) / 10.0);
        run.put("shared_connection", connections.shared);
        Path parent = output.summaryJson.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(output.summaryJson.toFile(), root);
    }

    private List<DeviceCredentials.DeviceEntry> readDevices() {
        try {
            List<DeviceCredentials.DeviceEntry> entries = DeviceCredentials.readEntries(devicesFile);
            for (DeviceCredentials.DeviceEntry entry : entries) {
                if (entry.type() == null) {
                    throw usage("Invalid --devices file: " + devicesFile + ":" + entry.line() + ": device '"
                            + entry.deviceId() + "' has no type: city needs lines 'deviceId,secret,type'");
                }
            }
            return entries;
        } catch (IllegalArgumentException e) {
            throw usage("Invalid --devices file: " + e.getMessage());
        } catch (IOException e) {
            throw usage("Cannot read --devices file " + devicesFile + ": " + e);
        }
    }

    private List<DeviceCredentials.DeviceEntry> selectDevices(List<DeviceCredentials.DeviceEntry> all) {
        Map<DeviceType, Integer> wanted = new EnumMap<>(DeviceType.class);
        Map<DeviceType, Integer> available = countByType(all);
        wanted.put(DeviceType.BED_SENSOR, selection.beds);
        wanted.put(DeviceType.SOS_BUTTON, selection.buttons);
        wanted.put(DeviceType.NURSERY_CAMERA, selection.cameras);
        Map<DeviceType, Integer> taken = new EnumMap<>(DeviceType.class);
        List<DeviceCredentials.DeviceEntry> selected = new ArrayList<>();
        for (DeviceType type : DeviceType.values()) {
            Integer n = wanted.get(type);
            if (n != null && n > available.get(type)) {
                throw usage("--" + type.shortName() + "s " + n + ": the file has only " + available.get(type) + " " + type);
            }
        }
        for (DeviceCredentials.DeviceEntry entry : all) {
            Integer n = wanted.get(entry.type());
            int count = taken.merge(entry.type(), 1, Integer::sum);
            if (n == null || count <= n) {
                selected.add(entry);
            }
        }
        if (selected.isEmpty()) {
            throw usage("No devices selected");
        }
        if (!connections.shared && selected.size() > connections.maxConnections) {
            throw usage(selected.size() + " devices need " + selected.size() + " connections, more than --max-connections "
                    + connections.maxConnections + ": raise it, or use --shared-connection for load tests");
        }
        return selected;
    }

    private static Map<DeviceType, Integer> countByType(List<DeviceCredentials.DeviceEntry> entries) {
        Map<DeviceType, Integer> counts = new EnumMap<>(DeviceType.class);
        for (DeviceType type : DeviceType.values()) {
            counts.put(type, 0);
        }
        entries.forEach(e -> counts.merge(e.type(), 1, Integer::sum));
        return counts;
    }

    private void validate() {
        if (!(timing.speed > 0) || Double.isInfinite(timing.speed)) {
            throw usage("--speed must be positive, got " + timing.speed);
        }
        for (Integer n : new Integer[] {selection.beds, selection.buttons, selection.cameras}) {
            if (n != null && n < 0) {
                throw usage("--beds/--buttons/--cameras must be >= 0");
            }
        }
        try {
            new FaultRates(faults.malformed, faults.duplicate, faults.outOfOrder, faults.disconnect);
            SimStart.parse(timing.start, Instant.now());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (rates.sos < 0 || rates.fall < 0 || rates.scale < 0) {
            throw usage("event rates must be >= 0");
        }
        if (connections.inflight < 1 || connections.connectConcurrency < 1 || connections.sharedConnections < 1
                || connections.maxPending < 1) {
            throw usage("--inflight, --connect-concurrency, --connections and --max-pending must be at least 1");
        }
        if (connections.shared) {
            if (connections.user == null || connections.password == null) {
                throw usage("--shared-connection needs --as USER and --password P (or $SMARTCARE_BENCH_PASSWORD)");
            }
            if (faults.disconnect > 0) {
                throw usage("--disconnect-rate needs per-device connections: not with --shared-connection");
            }
        } else if (connections.user != null) {
            throw usage("--as is only for --shared-connection: devices log in with their own credentials");
        }
    }

    private String plan(List<DeviceCredentials.DeviceEntry> devices, long seed, Instant start) {
        Map<DeviceType, Integer> byType = countByType(devices);
        return "devices-sim city: " + byType.get(DeviceType.BED_SENSOR) + " beds, " + byType.get(DeviceType.SOS_BUTTON)
                + " buttons, " + byType.get(DeviceType.NURSERY_CAMERA) + " cameras from " + devicesFile
                + ", start " + DeviceModel.time(start.toEpochMilli()) + ", speed " + timing.speed
                + (timing.duration == null ? ", until interrupted" : ", for " + Durations.format(timing.duration))
                + ", seed " + seed + ", broker " + connections.broker
                + (connections.shared ? ", " + connections.sharedConnections + " shared connections as " + connections.user : "");
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static void stopAndWait(CountDownLatch stop, CountDownLatch done) {
        stop.countDown();
        try {
            done.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down.
        }
    }
}
