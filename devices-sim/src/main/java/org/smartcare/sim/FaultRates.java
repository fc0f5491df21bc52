package org.smartcare.sim;

/**
 * Probabilities, per telemetry or event message, of each injected fault.
 *
 * @param malformed  send the message truncated (invalid JSON) instead of whole
 * @param duplicate  send the identical bytes twice
 * @param outOfOrder hold the message back and send it after the device's next one
 * @param disconnect after the message, drop the TCP connection without DISCONNECT (the Last Will fires),
 *                   reconnect a few seconds later
 */
public record FaultRates(double malformed, double duplicate, double outOfOrder, double disconnect) {

    public FaultRates {
        check("malformed", malformed);
        check("duplicate", duplicate);
        check("out-of-order", outOfOrder);
        check("disconnect", disconnect);
    }

    public static FaultRates none() {
        return new FaultRates(0, 0, 0, 0);
    }

    private static void check(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("--" + name + "-rate must be within 0..1, got " + rate);
        }
    }
}
