package org.smartcare.care;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

/** Emergency contacts, read per elder in priority order. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EmergencyContacts extends CrudRepository<EmergencyContact, Long> {

    List<EmergencyContact> findByElderIdInOrderByPriority(Collection<Long> elderIds);

    void deleteByElderId(long elderId);
}
