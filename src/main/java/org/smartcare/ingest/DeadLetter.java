package org.smartcare.ingest;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A refused message as operators see it. */
public record DeadLetter(long id, String topic, @Nullable String deviceId, DeadLetterReason reason, String detail,
                         byte[] payloadStart, int payloadSize, Instant firstReceivedAt, Instant lastReceivedAt,
                         int deliveries) {

    /** The kept bytes as text, invalid UTF-8 replaced, so binary junk is still readable. */
    public String payloadPreview() {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(payloadStart)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return "";
        }
    }
}
