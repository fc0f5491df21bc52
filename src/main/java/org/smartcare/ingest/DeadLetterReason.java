package org.smartcare.ingest;

/** Why a message was refused; stable names shown to operators. */
public enum DeadLetterReason {
    BAD_TOPIC, UNKNOWN_DEVICE, REVOKED_DEVICE, OVERSIZED, MALFORMED_JSON, SCHEMA_VIOLATION, WRONG_DEVICE_TYPE,
    PROCESSING_ERROR
}
