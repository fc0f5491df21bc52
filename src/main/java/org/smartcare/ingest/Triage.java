package org.smartcare.ingest;

import org.smartcare.device.Device;

/** One message after the checks that need no write: accepted with its device and payload, or refused. */
sealed interface Triage {

    InboundMessage message();

    /** Passed every check. */
    record Accepted(InboundMessage message, Device device, Channel channel, Decoded payload) implements Triage {
    }

    /** Refused, with the reason. */
    record Refused(InboundMessage message, Channel channel, Rejection rejection) implements Triage {
    }
}
