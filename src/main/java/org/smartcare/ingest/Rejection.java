package org.smartcare.ingest;

import io.micronaut.core.annotation.Nullable;

/** A message the service refuses, with the reason an operator will read. */
public class Rejection extends Exception {

    private final DeadLetterReason reason;
    private final String deviceId;

    public Rejection(DeadLetterReason reason, String detail, @Nullable String deviceId) {
        super(detail, null, false, false);
        this.reason = reason;
        this.deviceId = deviceId;
    }

    public DeadLetterReason reason() {
        return reason;
    }

    @Nullable
    public String deviceId() {
        return deviceId;
    }

    public String detail() {
        return getMessage();
    }
}
