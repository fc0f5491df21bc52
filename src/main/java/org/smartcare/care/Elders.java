package org.smartcare.care;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Elders of every tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Elders extends CrudRepository<Elder, Long> {

    List<Elder> findByIdIn(Collection<Long> ids);

    Optional<Elder> findByTenantIdAndNationalId(String tenantId, String nationalId);
}
