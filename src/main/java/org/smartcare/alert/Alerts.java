package org.smartcare.alert;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads of alerts by id. Writes go through {@link AlertWriter}, which is idempotent. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Alerts extends GenericRepository<Alert, Long> {

    Optional<Alert> findById(Long id);

    List<Alert> findByIdIn(Collection<Long> ids);
}
