package org.smartcare.telemetry;

import java.time.Instant;

/** What identifies a device message: the device, its clock and its sequence number. */
public record EventKey(String deviceId, Instant ts, long seq) {
}
