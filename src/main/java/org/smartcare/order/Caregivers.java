package org.smartcare.order;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Caregivers of every tenant (table staff). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Caregivers extends CrudRepository<Caregiver, Long> {

    List<Caregiver> findByIdIn(Collection<Long> ids);

    List<Caregiver> findByInstitutionIdIn(Collection<Long> institutionIds);

    Optional<Caregiver> findByPhoneDeviceId(String phoneDeviceId);
}
