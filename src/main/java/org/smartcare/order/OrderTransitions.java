package org.smartcare.order;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/** Order histories, oldest entry first. Entries are written only by {@link ServiceOrders}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrderTransitions extends GenericRepository<OrderTransition, Long> {

    List<OrderTransition> findByOrderIdOrderById(long orderId);

    List<OrderTransition> findByOrderIdInOrderById(Collection<Long> orderIds);

    OrderTransition save(OrderTransition transition);
}
