package org.smartcare.order;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Anomalies found on orders, for the order view and the supervisors' list. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrderAnomalies extends GenericRepository<OrderAnomaly, Long> {

    List<OrderAnomaly> findByOrderIdOrderById(long orderId);

    List<OrderAnomaly> findByOrderIdInOrderById(Collection<Long> orderIds);

    /** A tenant's anomalies detected in [from, to), newest first. */
    List<OrderAnomaly> findByTenantIdAndDetectedAtGreaterThanEqualsAndDetectedAtLessThanOrderByDetectedAtDesc(
            String tenantId, Instant from, Instant to);

    /** Records the finding unless the order already has one of that kind; returns 1 when recorded. */
    @Query("""
            INSERT INTO service_order_anomaly (order_id, tenant_id, kind, detail, detected_at)
            VALUES (:orderId, :tenantId, :kind, :detail, :detectedAt)
            ON CONFLICT (order_id, kind) DO NOTHING""")
    long recordIfNew(long orderId, String tenantId, String kind, String detail, Instant detectedAt);
}
