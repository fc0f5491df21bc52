package org.smartcare.sim;

/** What a device model asks of its connection at one moment of simulated time. */
public sealed interface Emission {

    /** Connect with {@code will} as Last Will (retained, QoS 1), then publish {@code status} (online). */
    record Connect(byte[] will, Outgoing status) implements Emission {
    }

    /** Publish one message. */
    record Send(Outgoing message) implements Emission {
    }

    /** Publish {@code status} (offline, reason shutdown), then disconnect cleanly: no will. */
    record Shutdown(Outgoing status) implements Emission {
    }
}
