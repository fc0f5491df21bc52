package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An abnormal-order finding attached to an order, at most one per kind. */
@MappedEntity("service_order_anomaly")
public record OrderAnomaly(
        @Id @GeneratedValue @Nullable Long id,
        long orderId,
        String tenantId,
        AnomalyKind kind,
        String detail,
        Instant detectedAt) {
}
