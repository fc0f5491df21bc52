package org.smartcare.care;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Institutions of every tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Institutions extends CrudRepository<Institution, Long> {

    List<Institution> findByIdIn(Collection<Long> ids);

    Optional<Institution> findByTenantIdAndCode(String tenantId, String code);
}
