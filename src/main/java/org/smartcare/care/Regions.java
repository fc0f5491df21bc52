package org.smartcare.care;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

/** The GB/T 2260 divisions the registry knows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Regions extends CrudRepository<Region, String> {

    List<Region> findByCodeIn(Collection<String> codes);
}
