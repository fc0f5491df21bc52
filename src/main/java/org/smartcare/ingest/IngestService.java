package org.smartcare.ingest;

import io.micronaut.retry.annotation.Retryable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.device.Device;
import org.smartcare.device.DeviceDirectory;
import org.smartcare.device.DeviceStateTracker;
import org.smartcare.device.DeviceStates;
import org.smartcare.device.Sighting;
import org.smartcare.device.StatusChange;
import org.smartcare.telemetry.EventKey;
import org.smartcare.telemetry.TelemetryBatch;
import org.smartcare.telemetry.TelemetryWriter;

/**
 * Accepts a batch of device messages: every row they carry, the alerts they raise, the status changes
 * and the dead letters, all in one transaction. Returning means the batch is committed, on disk, and every
 * message in it may be acknowledged (a batch of events announces its alerts before it is on disk:
 * {@link DeferredFlush}). A transient database failure is retried (the broker holds everything behind the
 * batch); any other failure is narrowed down to the message that causes it, which is dead-lettered.
 */
@Singleton
public class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final DeviceDirectory devices;
    private final MessageTriage triage;
    private final BatchRows rows;
    private final TelemetryWriter writer;
    private final EventAlerts eventAlerts;
    private final DeviceStates states;
    private final DeviceStateTracker tracker;
    private final DeadLetters deadLetters;
    private final TransactionOperations<Connection> transactions;
    private final IngestMetrics metrics;
    private final DeferredFlush deferredFlush;
    private final TransientFailure transientFailure = new TransientFailure();

    IngestService(DeviceDirectory devices, MessageTriage triage, BatchRows rows, TelemetryWriter writer,
                  EventAlerts eventAlerts, DeviceStates states, DeviceStateTracker tracker, DeadLetters deadLetters,
                  TransactionOperations<Connection> transactions, IngestMetrics metrics, DeferredFlush deferredFlush) {
        this.devices = devices;
        this.triage = triage;
        this.rows = rows;
        this.writer = writer;
        this.eventAlerts = eventAlerts;
        this.states = states;
        this.tracker = tracker;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.metrics = metrics;
        this.deferredFlush = deferredFlush;
    }

    // Not Integer.MAX_VALUE: the retry state compares attempt < attempts + 1, which would overflow.
    @Retryable(attempts = "${smartcare.ingest.retry.attempts:1000000}",
            delay = "${smartcare.ingest.retry.delay:500ms}", multiplier = "1.0", predicate = TransientFailure.class)
    public List<IngestOutcome> accept(List<InboundMessage> messages) {
        try {
            return store(messages);
        } catch (RuntimeException failure) {
            // Not every failure of a dying connection says so; when the database does not answer, it is one.
            if (transientFailure.test(failure) || !databaseAnswers()) {
                metrics.retry();
                LOG.warn("database unavailable ({}); retrying a batch of {}", failure.getMessage(), messages.size());
                throw failure;
            }
            if (messages.size() > 1) {
                LOG.warn("a batch of {} failed ({}); storing its messages one by one", messages.size(),
                        failure.getMessage());
                List<IngestOutcome> outcomes = new ArrayList<>();
                for (InboundMessage message : messages) {
                    outcomes.addAll(accept(List.of(message)));
                }
                return outcomes;
            }
            LOG.error("could not process message on {}; dead-lettering it", messages.getFirst().topic(), failure);
            Rejection rejection = new Rejection(DeadLetterReason.PROCESSING_ERROR,
                    failure.getClass().getSimpleName() + ": " + failure.getMessage(), null);
            transactions.executeWrite(status -> {
                deadLetters.recordAll(List.of(new Triage.Refused(messages.getFirst(), null, rejection)));
                return null;
            });
            metrics.deadLetter(DeadLetterReason.PROCESSING_ERROR);
            return List.of(IngestOutcome.DEAD_LETTERED);
        }
    }

    private boolean databaseAnswers() {
        try {
            return transactions.executeRead(status -> {
                try {
                    return status.getConnection().isValid(2);
                } catch (java.sql.SQLException e) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    private List<IngestOutcome> store(List<InboundMessage> messages) {
        Instant taken = Instant.now();
        long lookupStarted = System.nanoTime();
        Map<String, Device> known = devices.find(triage.deviceIds(messages));
        List<Triage> triaged = messages.stream().map(message -> triage.examine(message, known)).toList();
        BatchRows.Rows batch = rows.of(triaged);
        boolean events = triaged.stream()
                .anyMatch(t -> t instanceof Triage.Accepted accepted && accepted.channel() == Channel.EVENT);
        long started = System.nanoTime();
        List<IngestOutcome> outcomes = transactions.executeWrite(status -> {
            if (events) {
                deferredFlush.commitWithoutFlush(status.getConnection());
            }
            return write(triaged, batch);
        });
        Instant committed = Instant.now();
        Duration transaction = Duration.ofNanos(System.nanoTime() - started);
        String lane = IngestMetrics.lane(messages.getFirst().topic());
        if (events) { // the alerts are out; the messages are acknowledged once the batch is on disk
            long flushStarted = System.nanoTime();
            deferredFlush.flushCommitted();
            metrics.flush(lane, Duration.ofNanos(System.nanoTime() - flushStarted));
        }
        metrics.batch(messages.size(), transaction, committed);
        Instant oldestReceipt = oldestReceipt(messages);
        metrics.stages(lane, Duration.between(oldestReceipt, taken), Duration.ofNanos(started - lookupStarted),
                transaction);
        report(triaged, outcomes, committed);
        tracker.committed(Duration.between(oldestReceipt, committed));
        return outcomes;
    }

    private List<IngestOutcome> write(List<Triage> triaged, BatchRows.Rows batch) {
        TelemetryBatch telemetry = batch.telemetry();
        TelemetryWriter.Written written = telemetry.isEmpty()
                ? new TelemetryWriter.Written(Set.of(), Set.of()) : writer.write(telemetry);
        List<StatusChange> changes = batch.statusChanges().stream()
                .filter(change -> written.newStatuses().contains(
                        new EventKey(change.deviceId(), change.statusTs(), change.seq())))
                .toList();
        if (!changes.isEmpty()) {
            states.apply(changes);
        }
        eventAlerts.raise(triaged, written.newEvents());
        List<Triage.Refused> refused = triaged.stream()
                .filter(Triage.Refused.class::isInstance).map(Triage.Refused.class::cast).toList();
        if (!refused.isEmpty()) {
            deadLetters.recordAll(refused);
        }
        return triaged.stream().map(t -> outcome(t, written)).toList();
    }

    private static IngestOutcome outcome(Triage triage, TelemetryWriter.Written written) {
        if (!(triage instanceof Triage.Accepted accepted)) {
            return IngestOutcome.DEAD_LETTERED;
        }
        EventKey key = new EventKey(accepted.device().id(), accepted.payload().ts(), accepted.payload().seq());
        return switch (accepted.payload()) {
            case Decoded.Event e -> written.newEvents().contains(key) ? IngestOutcome.STORED : IngestOutcome.DUPLICATE;
            case Decoded.Status s -> written.newStatuses().contains(key) ? IngestOutcome.STORED : IngestOutcome.DUPLICATE;
            default -> IngestOutcome.STORED;
        };
    }

    /** Metrics once per batch and kind (a counter update per message was a measurable share of the CPU). */
    private void report(List<Triage> triaged, List<IngestOutcome> outcomes, Instant committed) {
        Map<MessageKind, Integer> messages = new HashMap<>();
        Map<String, Integer> samples = new HashMap<>();
        for (int i = 0; i < triaged.size(); i++) {
            Triage t = triaged.get(i);
            if (t instanceof Triage.Accepted accepted) {
                String deviceClass = BatchRows.deviceClass(accepted.device().type());
                messages.merge(new MessageKind(deviceClass, accepted.channel(), outcomes.get(i)), 1, Integer::sum);
                Instant newest = accepted.payload().newestReading();
                Instant received = t.message().receivedAt();
                metrics.lag(Duration.between(newest, committed));
                metrics.lagParts(accepted.channel(), Duration.between(newest, received),
                        Duration.between(received, committed));
                if (accepted.payload() instanceof Decoded.BedVitals vitals) {
                    samples.merge(deviceClass, vitals.samples().size(), Integer::sum);
                }
                // A stored status already set last seen with its state; a whole city's reconnect is one write, not two.
                if (!(accepted.payload() instanceof Decoded.Status && outcomes.get(i) == IngestOutcome.STORED)) {
                    Integer battery = accepted.payload() instanceof Decoded.ButtonBeat beat ? beat.battery() : null;
                    Integer signal = accepted.payload() instanceof Decoded.ButtonBeat beat ? beat.signalDbm() : null;
                    tracker.seen(new Sighting(accepted.device().id(), received, battery, signal));
                }
            } else if (t instanceof Triage.Refused refused) {
                messages.merge(new MessageKind("unknown", refused.channel(), IngestOutcome.DEAD_LETTERED), 1,
                        Integer::sum);
                metrics.deadLetter(refused.rejection().reason());
                LOG.info("dead letter on {}: {} ({})", t.message().topic(), refused.rejection().reason(),
                        refused.rejection().detail());
            }
        }
        messages.forEach((kind, count) -> metrics.messages(kind.deviceClass(), kind.channel(), kind.outcome(), count));
        samples.forEach(metrics::samples);
    }

    private static Instant oldestReceipt(List<InboundMessage> messages) {
        Instant oldest = messages.getFirst().receivedAt();
        for (InboundMessage message : messages) {
            if (message.receivedAt().isBefore(oldest)) {
                oldest = message.receivedAt();
            }
        }
        return oldest;
    }

    private record MessageKind(String deviceClass, Channel channel, IngestOutcome outcome) {
    }
}
