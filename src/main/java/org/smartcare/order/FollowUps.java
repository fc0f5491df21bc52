package org.smartcare.order;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Follow-ups of bad ratings. Opened and closed only by {@link ServiceOrders}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FollowUps extends GenericRepository<FollowUp, Long> {

    Optional<FollowUp> findById(Long id);

    Optional<FollowUp> findByOrderId(long orderId);

    List<FollowUp> findByOrderIdIn(Collection<Long> orderIds);

    @Query("SELECT * FROM rating_follow_up WHERE id = :id FOR UPDATE")
    Optional<FollowUp> lockById(long id);

    List<FollowUp> findByTenantIdAndClosedAtIsNullAndDueAtLessThanOrderByDueAt(String tenantId, Instant now);

    List<FollowUp> findByClosedAtIsNullAndDueAtLessThanOrderByDueAt(Instant now);

    FollowUp save(FollowUp followUp);

    FollowUp update(FollowUp followUp);
}
