package org.smartcare.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code devices-sim sos}: presses emergency call buttons, once or at a rate, and reports the broker's answers. */
@Command(
        name = "sos",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "%n",
        header = "Press emergency call buttons: publish SOS / cancel / fall events as devices.",
        customSynopsis = {
                "devices-sim sos (--device=ID --password=SECRET | --devices=FILE)",
                "                [--type=TYPE] [--rate=RATE] [--count=N] [--duration=TIME]",
                "                [--seed=N] [--location=LAT,LON[,ACC]]",
                "                [--broker=URL] [--timeout=TIME] [--publish-as=ID] [-hV]"},
        description = {
                "Publishes event messages (schema/mqtt/event.v1.schema.json) to "
                        + "smartcare/v1/devices/<deviceId>/event with QoS 1, logged in as each device, and "
                        + "waits for every PUBACK. Without --count or --duration it sends one message. With "
                        + "--devices it picks a random device from the file for every message (--seed makes "
                        + "the choice reproducible). A PUBACK error code (e.g. 0x87 not authorized) counts "
                        + "as refused, a missing PUBACK or a refused connection as failed.",
                "",
                "seq starts at the current time in epoch microseconds for each device and run, and "
                        + "grows by one per message, so it increases across runs without any state file."},
        footer = {
                "",
                "Examples:",
                "  devices-sim sos --device btn-1 --password s3cret",
                "  devices-sim sos --device btn-1 --password s3cret \\",
                "      --type fall_detected --location 38.04,114.51,12",
                "  devices-sim sos --devices demo-devices.csv --rate 2/min --duration 10m",
                "  devices-sim sos --devices demo-devices.csv --rate 5/s --count 100 --seed 42",
                "  # ACL check, expect 'refused 0x87 not authorized' and exit status 1:",
                "  devices-sim sos --device btn-1 --password s3cret --publish-as btn-2",
                "",
                "Each message prints one line: device time, device, type, seq, result;",
                "a summary follows.",
                "Exit status: 0 every message acknowledged, 1 some message refused or failed,",
                "2 invalid usage."})
public final class SosCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = false, heading = "%nDevices (--device with --password, or --devices):%n", validate = false)
    DeviceSource devices = new DeviceSource();

    @ArgGroup(exclusive = false, heading = "%nTraffic:%n", validate = false)
    Traffic traffic = new Traffic();

    @ArgGroup(exclusive = false, heading = "%nBroker:%n", validate = false)
    Connection connection = new Connection();

    /** Device time; replaced in tests. */
    Clock clock = Clock.systemDefaultZone();

    /** Validated by {@link #devicePool()}, which words the errors better than picocli's nested groups. */
    static final class DeviceSource {
        @Option(names = "--device", paramLabel = "ID",
                description = "Device id: MQTT username, client id and topic level. Needs --password.")
        String id;

        @Option(names = "--password", paramLabel = "SECRET",
                description = "The device's secret (visible in the process list; prefer --devices on shared hosts).")
        String password;

        @Option(names = "--devices", paramLabel = "FILE",
                description = "CSV file of lines 'deviceId,secret' or 'deviceId,secret,type' ('#' comments and "
                        + "a header allowed), as the service's demo loader writes it; the type is ignored here.")
        Path file;
    }

    static final class Traffic {
        @Option(names = "--type", paramLabel = "TYPE", defaultValue = "sos_press",
                converter = Converters.EventTypeConverter.class,
                completionCandidates = Converters.EventTypeNames.class,
                description = "Event type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        EventType type;

        @Option(names = "--rate", paramLabel = "RATE", defaultValue = "1/s",
                converter = Converters.RateConverter.class,
                description = "Messages per time unit over all devices: N/s, N/min or N/h (default: ${DEFAULT-VALUE}).")
        Rate rate;

        @Option(names = "--count", paramLabel = "N",
                description = "Stop after N messages (default: 1, or unlimited with --duration).")
        Long count;

        @Option(names = "--duration", paramLabel = "TIME", converter = Converters.DurationConverter.class,
                description = "Stop after this long, e.g. 90s, 10m, 1h30m (with --count: whichever comes first).")
        Duration duration;

        @Option(names = "--seed", paramLabel = "N",
                description = "Seed for the random choice of devices (default: random, printed at start).")
        Long seed;

        @Option(names = "--location", paramLabel = "LAT,LON[,ACC]", converter = Converters.LocationConverter.class,
                description = "Add a GPS location to every event, accuracy in metres optional.")
        Location location;
    }

    static final class Connection {
        @Option(names = "--broker", paramLabel = "URL",
                defaultValue = "${env:SMARTCARE_MQTT_URL:-" + SimCli.DEFAULT_BROKER + "}",
                description = "Broker URL. Default: $SMARTCARE_MQTT_URL when set, else "
                        + SimCli.DEFAULT_BROKER + " (here: ${DEFAULT-VALUE}).")
        String broker;

        @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "10s",
                converter = Converters.DurationConverter.class,
                description = "How long to wait for a CONNACK or a PUBACK (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--publish-as", paramLabel = "ID",
                description = "Publish under another device's topic while logged in as the chosen device: "
                        + "for testing the broker ACL, which must refuse it.")
        String publishAs;
    }

    @Override
    public Integer call() {
        List<DeviceCredentials> pool = devicePool();
        validate();
        PrintWriter out = spec.commandLine().getOut();
        long seed = traffic.seed != null ? traffic.seed : ThreadLocalRandom.current().nextLong();
        out.println(plan(pool, seed));
        out.flush();

        Summary summary = new Summary();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> stopAndWait(stop, done), "devices-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (DevicePublisher publisher = new DevicePublisher(connection.broker, connection.timeout)) {
            run(pool, new Random(seed), publisher, summary, stop, out);
        } finally {
            if (stop.getCount() == 0) {
                out.println("interrupted");
            }
            out.println(summary.render());
            out.flush();
            done.countDown();
            removeHook(hook);
        }
        return summary.hasFailures() ? 1 : 0;
    }

    private void run(List<DeviceCredentials> pool, Random random, DevicePublisher publisher, Summary summary,
                     CountDownLatch stop, PrintWriter out) {
        SequenceNumbers sequences = new SequenceNumbers(clock);
        long limit = traffic.count != null ? traffic.count : traffic.duration != null ? Long.MAX_VALUE : 1;
        long intervalNanos = traffic.rate.interval().toNanos();
        long durationNanos = traffic.duration == null ? Long.MAX_VALUE : saturatedNanos(traffic.duration);
        long start = System.nanoTime();
        for (long i = 0; i < limit; i++) {
            // Fixed-rate schedule: message i is due at start + i * interval, whatever earlier ones took,
            // so a slow broker delays messages but does not lower the rate over the run.
            long offset;
            try {
                offset = Math.multiplyExact(i, intervalNanos);
            } catch (ArithmeticException e) {
                return;
            }
            if (offset >= durationNanos || !awaitUntil(start + offset, stop)) {
                return;
            }
            if (System.nanoTime() - start >= durationNanos) {
                return; // behind schedule past the end: --duration bounds the wall-clock time too
            }
            DeviceCredentials device = pool.size() == 1 ? pool.get(0) : pool.get(random.nextInt(pool.size()));
            send(device, sequences, publisher, summary, out);
        }
    }

    private void send(DeviceCredentials device, SequenceNumbers sequences, DevicePublisher publisher,
                      Summary summary, PrintWriter out) {
        String topicDevice = connection.publishAs != null ? connection.publishAs : device.deviceId();
        long seq = sequences.next(topicDevice);
        OffsetDateTime ts = OffsetDateTime.now(clock);
        byte[] payload = EventPayloads.event(traffic.type, seq, ts, traffic.location);
        PublishResult result = publisher.publish(device, EventPayloads.eventTopic(topicDevice), payload);
        summary.record(traffic.type, result);
        String who = topicDevice.equals(device.deviceId()) ? device.deviceId() : device.deviceId() + " as " + topicDevice;
        out.println(EventPayloads.rfc3339(ts) + " " + who + " " + traffic.type.wireName() + " seq=" + seq + " "
                + result.describe());
        out.flush();
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Sleeps until {@code dueNanos}; false when a stop was requested first. */
    private static boolean awaitUntil(long dueNanos, CountDownLatch stop) {
        long wait = dueNanos - System.nanoTime();
        try {
            return wait <= 0 ? stop.getCount() > 0 : !stop.await(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<DeviceCredentials> devicePool() {
        if (devices.file != null && (devices.id != null || devices.password != null)) {
            throw usage("--devices FILE excludes --device and --password: use one device or a file of devices");
        }
        if (devices.file != null) {
            return readDevicesFile(devices.file);
        }
        if (devices.id == null && devices.password == null) {
            throw usage("Missing devices: give --device ID --password SECRET, or --devices FILE");
        }
        if (devices.id == null || devices.password == null) {
            throw usage(devices.id == null ? "--password needs --device ID" : "--device needs --password SECRET");
        }
        try {
            return List.of(DeviceCredentials.of(devices.id, devices.password));
        } catch (IllegalArgumentException e) {
            throw usage("Invalid --device/--password: " + e.getMessage());
        }
    }

    private List<DeviceCredentials> readDevicesFile(Path file) {
        try {
            return DeviceCredentials.readCsv(file);
        } catch (IllegalArgumentException e) {
            throw usage("Invalid --devices file: " + e.getMessage());
        } catch (IOException e) {
            throw usage("Cannot read --devices file " + file + ": " + e);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private void validate() {
        if (traffic.count != null && traffic.count < 1) {
            throw usage("--count must be at least 1, got " + traffic.count);
        }
        if (connection.publishAs != null) {
            String problem = DeviceCredentials.deviceIdProblem(connection.publishAs);
            if (problem != null) {
                throw usage("Invalid --publish-as: " + problem);
            }
        }
        if (connection.timeout.isZero() || connection.timeout.isNegative()) {
            throw usage("--timeout must be positive");
        }
    }

    private String plan(List<DeviceCredentials> pool, long seed) {
        String source = devices.file != null ? pool.size() + " devices from " + devices.file : "device " + pool.get(0).deviceId();
        String amount;
        if (traffic.count != null) {
            amount = traffic.count + " message(s) at " + traffic.rate
                    + (traffic.duration != null ? ", at most " + Durations.format(traffic.duration) : "");
        } else if (traffic.duration != null) {
            amount = traffic.rate + " for " + Durations.format(traffic.duration);
        } else {
            amount = "1 message";
        }
        return "devices-sim sos: " + source + ", " + amount + ", type " + traffic.type + ", seed " + seed
                + ", broker " + connection.broker;
    }

    private static void stopAndWait(CountDownLatch stop, CountDownLatch done) {
        stop.countDown();
        try {
            // Let the run loop finish its in-flight publish, disconnect and print the summary.
            done.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is running and returns on its own.
        }
    }
}
