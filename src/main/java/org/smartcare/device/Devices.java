package org.smartcare.device;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

/** The device registry. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Devices extends CrudRepository<Device, String> {

    List<Device> findByIdIn(Collection<String> ids);

    List<Device> findByElderIdAndType(Long elderId, DeviceType type);
}
