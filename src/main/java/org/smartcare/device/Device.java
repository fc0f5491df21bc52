package org.smartcare.device;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A registered device. Its id is both its MQTT topic segment and its broker username; the secret lives
 * only in the broker (credentialsRef names the broker account).
 */
@MappedEntity("device")
public record Device(
        @Id String id,
        String tenantId,
        DeviceType type,
        String serial,
        @Nullable String credentialsRef,
        @Nullable Long elderId,
        @Nullable Long institutionId,
        @Nullable String bedLabel,
        Instant registeredAt,
        @Nullable Instant revokedAt) {

    public Device {
        if (!DeviceId.isValid(id)) {
            throw new IllegalArgumentException(DeviceId.RULE + ", got " + id);
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
