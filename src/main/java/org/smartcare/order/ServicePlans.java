package org.smartcare.order;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;


/** Recurring service plans. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ServicePlans extends CrudRepository<ServicePlan, Long> {

    List<ServicePlan> findByActiveTrueOrderById();

    List<ServicePlan> findByTenantIdAndActiveTrueOrderById(String tenantId);

    List<ServicePlan> findByElderIdIn(Collection<Long> elderIds);

    Optional<ServicePlan> findByTenantIdAndIdempotencyKey(String tenantId, String idempotencyKey);

    @Query("SELECT * FROM service_plan WHERE id = :id FOR UPDATE")
    Optional<ServicePlan> lockById(long id);


    /** Moves the generation mark forward only, so an older run never makes a plan look behind. */
    @Query("""
            UPDATE service_plan SET last_generated_on = :day
            WHERE id = :id AND (last_generated_on IS NULL OR last_generated_on < :day)""")
    void markGenerated(long id, LocalDate day);
}
