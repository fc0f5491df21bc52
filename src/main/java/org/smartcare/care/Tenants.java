package org.smartcare.care;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Tenants. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Tenants extends CrudRepository<Tenant, String> {
}
