package org.smartcare.alert;

import java.time.Instant;

/** A place in the newest-first alert order, for keyset pagination. */
public record AlertPosition(Instant raisedAt, long id) {

    public static AlertPosition of(Alert alert) {
        return new AlertPosition(alert.raisedAt(), alert.id());
    }
}
