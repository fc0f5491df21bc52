package org.smartcare.childcare;

import java.time.Instant;
import java.util.UUID;

/** What a request for a camera view grant comes to: a signed token, or a typed refusal. */
public sealed interface GrantResult {

    /** A token the nursery's video platform checks; it names the grant, the camera and the expiry. */
    record Granted(UUID id, String token, String cameraId, long childId, long nurseryId, Instant expiresAt)
            implements GrantResult {
    }

    /** Refused, with the reason. */
    record Refused(GrantRefusal code, String message) implements GrantResult {
    }
}
