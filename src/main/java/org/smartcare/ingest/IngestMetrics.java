package org.smartcare.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What ingest reports on /prometheus: rates by device class, batch sizes, commit latency, lag, dead letters. */
@Singleton
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final DistributionSummary batchSize;
    private final Timer commit;
    private final Timer lag;
    private final Map<Channel, Timer> delivery = new EnumMap<>(Channel.class);
    private final Map<Channel, Timer> inService = new EnumMap<>(Channel.class);
    private final AtomicLong lastCommitMillis = new AtomicLong();
    private final Map<String, Timer> stages = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("smartcare.ingest.batch.size")
                .description("messages per committed batch").publishPercentiles(0.5, 0.99).register(registry);
        this.commit = Timer.builder("smartcare.ingest.commit")
                .description("time to write and commit one batch").publishPercentiles(0.5, 0.99).register(registry);
        this.lag = Timer.builder("smartcare.ingest.lag")
                .description("device time of a message's newest reading to commit").publishPercentiles(0.5, 0.99)
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
        // "Nothing written for N seconds" for an operator's alert, and the end of a benchmark's run.
        Gauge.builder("smartcare.ingest.last.commit.time", lastCommitMillis, millis -> millis.get() / 1000.0)
                .description("wall-clock time of the latest batch commit (0 before the first)").baseUnit("seconds")
                .register(registry);
        // The lag in two parts, so a slow device/broker and a slow service can be told apart.
        for (Channel channel : Channel.values()) {
            String tag = channel.name().toLowerCase();
            delivery.put(channel, Timer.builder("smartcare.ingest.delivery")
                    .description("device time of a message's newest reading to its receipt by the service")
                    .tag("channel", tag).publishPercentiles(0.5, 0.99)
                    .maximumExpectedValue(Duration.ofMinutes(10)).register(registry));
            inService.put(channel, Timer.builder("smartcare.ingest.in_service")
                    .description("receipt by the service to commit: worker queue, batching and transaction")
                    .tag("channel", tag).publishPercentiles(0.5, 0.99)
                    .maximumExpectedValue(Duration.ofMinutes(10)).register(registry));
        }
    }

    void messages(String deviceClass, Channel channel, IngestOutcome outcome, int count) {
        counter("smartcare.ingest.messages", "class", deviceClass, "channel", channel == null ? "unknown"
                : channel.name().toLowerCase(), "outcome", outcome.name()).increment(count);
    }

    void samples(String deviceClass, int count) {
        counter("smartcare.ingest.samples", "class", deviceClass).increment(count);
    }

    void deadLetter(DeadLetterReason reason) {
        counter("smartcare.ingest.dead_letters", "reason", reason.name()).increment();
    }

    void retry() {
        counter("smartcare.ingest.retries").increment();
    }

    void batch(int size, Duration commitTime, Instant committed) {
        batchSize.record(size);
        commit.record(commitTime);
        lastCommitMillis.accumulateAndGet(committed.toEpochMilli(), Math::max);
    }

    /**
     * Where a batch's time in the service went, per lane: waiting for its worker (oldest receipt to the worker
     * taking the batch; for a batch tried again, to this attempt), looking up its devices and checking its
     * messages, and its transaction up to the commit.
     */
    void stages(String lane, Duration queued, Duration lookup, Duration transaction) {
        if (!queued.isNegative()) {
            stage(lane, "queued").record(queued);
        }
        stage(lane, "lookup").record(lookup);
        stage(lane, "transaction").record(transaction);
    }

    /** The wait of an event batch, after its commit, for the disk (see DeferredFlush). */
    void flush(String lane, Duration flush) {
        stage(lane, "flush").record(flush);
    }

    /** The lane a topic belongs to, as the lanes subscribe: events ("+/event") have a connection of their own. */
    static String lane(String topic) {
        return topic.endsWith("/event") ? "events" : "telemetry";
    }

    private Timer stage(String lane, String stage) {
        return stages.computeIfAbsent(lane + "/" + stage, key -> Timer.builder("smartcare.ingest.stage")
                .description("a batch's time in the service by stage: queued, lookup, transaction, flush (events)")
                .tag("lane", lane).tag("stage", stage).publishPercentiles(0.5, 0.99)
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry));
    }

    void lag(Duration deviceToCommit) {
        if (!deviceToCommit.isNegative()) {
            lag.record(deviceToCommit);
        }
    }

    /** The two parts of a message's lag: newest reading to receipt, receipt to commit. */
    void lagParts(Channel channel, Duration deviceToReceipt, Duration receiptToCommit) {
        if (!deviceToReceipt.isNegative()) {
            delivery.get(channel).record(deviceToReceipt);
        }
        inService.get(channel).record(receiptToCommit);
    }

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(name + String.join(",", tags), key -> registry.counter(name, tags));
    }
}
