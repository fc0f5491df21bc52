package org.smartcare.childcare;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * Camera view grants: how long a token lives (never past the nursery's closing time) and the secret it is
 * signed with, shared with the nursery's video platform (SMARTCARE_CAMERA_GRANT_SECRET).
 */
@ConfigurationProperties("smartcare.camera-grant")
public class CameraGrantSettings {

    private Duration ttl = Duration.ofMinutes(5);
    @Nullable
    private String secret;

    public Duration getTtl() {
        return ttl;
    }

    public void setTtl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("smartcare.camera-grant.ttl must be between 1 s and 1 h");
        }
        this.ttl = ttl;
    }

    @Nullable
    public String getSecret() {
        return secret;
    }

    public void setSecret(@Nullable String secret) {
        this.secret = secret;
    }
}
