package org.smartcare.order;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads of service orders, for the API's loaders and the detector. Orders are created and moved only
 * through {@link ServiceOrders}, which keeps the history beside every change.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Orders extends GenericRepository<ServiceOrder, Long> {

    Optional<ServiceOrder> findById(Long id);

    List<ServiceOrder> findByIdIn(Collection<Long> ids);

    List<ServiceOrder> findByAlertIdIn(Collection<Long> alertIds);

    Optional<ServiceOrder> findByTenantIdAndIdempotencyKey(String tenantId, String idempotencyKey);

    List<ServiceOrder> findByPlanIdOrderByPlanDate(long planId);

    /** The order, locked until the end of the transaction so concurrent commands queue up. */
    @Query("SELECT * FROM service_order WHERE id = :id FOR UPDATE")
    Optional<ServiceOrder> lockById(long id);

    /** A caregiver's orders checked in between the two instants (the overlap rule's candidates). */
    @Query("""
            SELECT * FROM service_order
            WHERE caregiver_id = :caregiverId AND check_in_at >= :from AND check_in_at < :to
            ORDER BY check_in_at""")
    List<ServiceOrder> findCheckedInByCaregiver(long caregiverId, Instant from, Instant to);

    /**
     * Orders still in service longer than {@code factor} times their standard and not yet flagged as
     * missing their check-out, oldest first.
     */
    @Query("""
            SELECT * FROM service_order o
            WHERE o.state = 'IN_SERVICE'
              AND o.check_in_at + o.standard_minutes * :factor * interval '1 minute' < :now
              AND NOT EXISTS (SELECT 1 FROM service_order_anomaly a
                              WHERE a.order_id = o.id AND a.kind = 'MISSING_CHECK_OUT')
            ORDER BY o.check_in_at
            LIMIT :limit""")
    List<ServiceOrder> findOverdueInService(Instant now, double factor, int limit);

    ServiceOrder update(ServiceOrder order);
}
