package org.smartcare.ingest;

import java.time.Instant;

/** A message as it arrived from the broker, before any parsing. */
public record InboundMessage(String topic, byte[] payload, Instant receivedAt) {
}
