package org.smartcare.sim;

/**
 * What became of one publish.
 *
 * @param reasonCode the MQTT 5 PUBACK reason code, or -1 when no PUBACK arrived
 * @param detail     human-readable reason, never {@code null}
 */
public record PublishResult(Outcome outcome, int reasonCode, String detail) {

    public enum Outcome {
        /** PUBACK with a success code (0x00, or 0x10 "no matching subscribers"). */
        ACKNOWLEDGED,
        /** PUBACK with an error code, e.g. 0x87 "not authorized" when the ACL denies the topic. */
        REFUSED,
        /** No PUBACK: the connection was refused or lost, or the broker did not answer in time. */
        FAILED
    }

    public static PublishResult fromPubAck(int reasonCode) {
        Outcome outcome = reasonCode < 0x80 ? Outcome.ACKNOWLEDGED : Outcome.REFUSED;
        return new PublishResult(outcome, reasonCode, ReasonCodes.describe(reasonCode));
    }

    public static PublishResult failed(String detail) {
        return new PublishResult(Outcome.FAILED, -1, detail);
    }

    public boolean acknowledged() {
        return outcome == Outcome.ACKNOWLEDGED;
    }

    /** For the per-message line: {@code acknowledged}, {@code refused 0x87 not authorized}, {@code failed: ...}. */
    public String describe() {
        return switch (outcome) {
            case ACKNOWLEDGED -> reasonCode == 0 ? "acknowledged" : "acknowledged (" + detail + ")";
            case REFUSED -> "refused " + detail;
            case FAILED -> "failed: " + detail;
        };
    }
}
