package org.smartcare.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides, per message of one device, which faults to inject, and turns the message into what is
 * actually published. Status messages are never altered: {@link #flush()} sends a held-back
 * message before them. One per device, each with its own random stream, so a seed reproduces the
 * faults whatever order devices run in.
 */
public final class FaultInjector {

    /** How one published copy relates to the message the device meant to send. */
    public enum Role {
        /** The message itself (possibly late). */
        ORIGINAL,
        /** A second copy of identical bytes. */
        DUPLICATE,
        /** A truncated copy replacing the message: invalid JSON. */
        MALFORMED
    }

    /** One publish and its role. */
    public record Copy(Outgoing message, Role role) {
    }

    private final FaultRates rates;
    private final SplittableRandom random;
    private Outgoing held;
    private boolean releasedLate;

    public FaultInjector(FaultRates rates, SplittableRandom random) {
        this.rates = rates;
        this.random = random;
    }

    /** The copies to publish now for {@code message}, in order; none when it is held back. */
    public List<Copy> apply(Outgoing message) {
        List<Copy> copies = new ArrayList<>(3);
        Outgoing release = held;
        held = null;
        releasedLate = release != null;
        if (random.nextDouble() < rates.malformed()) {
            copies.add(new Copy(message.withPayload(truncate(message.payload())), Role.MALFORMED));
        } else if (release == null && random.nextDouble() < rates.outOfOrder()) {
            held = message;
        } else {
            copies.add(new Copy(message, Role.ORIGINAL));
            if (random.nextDouble() < rates.duplicate()) {
                copies.add(new Copy(message, Role.DUPLICATE));
            }
        }
        if (release != null) {
            copies.add(new Copy(release, Role.ORIGINAL));
        }
        return copies;
    }

    /**
     * Whether {@link #apply} just sent a held-back message after a later one: an out-of-order fault as
     * the broker sees it. A held message flushed before a shutdown goes out in order and does not count.
     */
    public boolean releasedLate() {
        return releasedLate;
    }

    /** Whether to drop the connection after the message just applied. */
    public boolean dropNow() {
        return rates.disconnect() > 0 && random.nextDouble() < rates.disconnect();
    }

    /** The held-back message, if any, to send before a status or at the end. */
    public List<Copy> flush() {
        if (held == null) {
            return List.of();
        }
        Copy copy = new Copy(held, Role.ORIGINAL);
        held = null;
        return List.of(copy);
    }

    /** Cuts the JSON somewhere inside, so it never parses: at least 1 byte gone, at least 1 left. */
    byte[] truncate(byte[] payload) {
        int keep = payload.length <= 2 ? 1 : 1 + random.nextInt(payload.length - 2);
        return Arrays.copyOf(payload, keep);
    }
}
