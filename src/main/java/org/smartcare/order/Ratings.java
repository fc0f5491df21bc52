package org.smartcare.order;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Ratings by order. Written only by {@link ServiceOrders#rate}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Ratings extends GenericRepository<Rating, Long> {

    Optional<Rating> findById(Long orderId);

    List<Rating> findByOrderIdIn(Collection<Long> orderIds);

    Rating save(Rating rating);
}
