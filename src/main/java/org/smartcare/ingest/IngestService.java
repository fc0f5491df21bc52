package org.smartcare.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.retry.annotation.Retryable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.alert.AlertEngine;
import org.smartcare.alert.AlertTrigger;
import org.smartcare.device.Device;
import org.smartcare.device.Devices;
import org.smartcare.telemetry.DeviceEvent;
import org.smartcare.telemetry.DeviceEvents;

/**
 * Accepts one device message: stores it with whatever it raises in one transaction, or records why it was
 * refused. Returning means the outcome is committed and the message may be acknowledged; a transient
 * database failure is retried here (the broker holds everything behind it), anything else dead-letters.
 */
@Singleton
public class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final Devices devices;
    private final DeviceEvents events;
    private final AlertEngine alerts;
    private final DeadLetters deadLetters;
    private final EventPayloadDecoder decoder;
    private final IngestSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final MeterRegistry meters;
    private final TransientFailure transientFailure = new TransientFailure();

    IngestService(Devices devices, DeviceEvents events, AlertEngine alerts, DeadLetters deadLetters,
                  EventPayloadDecoder decoder, IngestSettings settings,
                  TransactionOperations<Connection> transactions, MeterRegistry meters) {
        this.devices = devices;
        this.events = events;
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.decoder = decoder;
        this.settings = settings;
        this.transactions = transactions;
        this.meters = meters;
    }

    @Retryable(attempts = "${smartcare.ingest.retry.attempts:2147483647}",
            delay = "${smartcare.ingest.retry.delay:500ms}", multiplier = "1.0", predicate = TransientFailure.class)
    public IngestOutcome accept(InboundMessage message) {
        IngestOutcome outcome;
        try {
            outcome = store(message);
        } catch (Rejection rejection) {
            outcome = refuse(message, rejection);
        } catch (RuntimeException failure) {
            if (transientFailure.test(failure)) {
                meters.counter("smartcare.ingest.retries").increment();
                throw failure;
            }
            LOG.error("could not process message on {}; dead-lettering it", message.topic(), failure);
            outcome = refuse(message, new Rejection(DeadLetterReason.PROCESSING_ERROR,
                    failure.getClass().getSimpleName() + ": " + failure.getMessage(), null));
        }
        meters.counter("smartcare.ingest.messages", "outcome", outcome.name()).increment();
        return outcome;
    }

    private IngestOutcome store(InboundMessage message) throws Rejection {
        DeviceTopic topic = DeviceTopic.parse(message.topic());
        if (topic.channel() != Channel.EVENT) {
            throw new Rejection(DeadLetterReason.BAD_TOPIC, "channel " + topic.channel() + " is not ingested yet",
                    topic.deviceId());
        }
        if (message.payload().length > settings.maxEventBytes()) {
            throw new Rejection(DeadLetterReason.OVERSIZED, "payload of " + message.payload().length
                    + " bytes exceeds the event limit of " + settings.maxEventBytes(), topic.deviceId());
        }
        Device device = devices.findById(topic.deviceId()).orElseThrow(() -> new Rejection(
                DeadLetterReason.UNKNOWN_DEVICE, "device " + topic.deviceId() + " is not registered", topic.deviceId()));
        if (device.isRevoked()) {
            throw new Rejection(DeadLetterReason.REVOKED_DEVICE, "device was revoked at " + device.revokedAt(),
                    device.id());
        }
        DecodedEvent event = decoder.decode(message.payload(), device.id());
        if (!event.type().isSentBy(device.type())) {
            throw new Rejection(DeadLetterReason.WRONG_DEVICE_TYPE, event.type().wireName() + " comes from a "
                    + event.type().sentBy() + ", but " + device.id() + " is a " + device.type(), device.id());
        }
        return transactions.executeWrite(status -> storeEvent(device, event, message));
    }

    private IngestOutcome storeEvent(Device device, DecodedEvent event, InboundMessage message) {
        boolean fresh = events.storeIfNew(new DeviceEvent(device.id(), event.seq(), event.deviceTs(),
                event.type().wireName(),
                event.location() == null ? null : event.location().latitude(),
                event.location() == null ? null : event.location().longitude(),
                event.accuracyM(), message.receivedAt()));
        devices.markSeen(device.id(), message.receivedAt());
        if (!fresh) {
            return IngestOutcome.DUPLICATE;
        }
        alerts.onEvent(new AlertTrigger(device, event.type(), event.seq(), event.deviceTs(), event.location()));
        return IngestOutcome.STORED;
    }

    private IngestOutcome refuse(InboundMessage message, Rejection rejection) {
        deadLetters.record(message, rejection);
        meters.counter("smartcare.ingest.dead_letters", "reason", rejection.reason().name()).increment();
        LOG.info("dead letter on {}: {} ({})", message.topic(), rejection.reason(), rejection.detail());
        return IngestOutcome.DEAD_LETTERED;
    }
}
