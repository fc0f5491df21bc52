package org.smartcare.device;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The device registry. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Devices extends CrudRepository<Device, String> {

    List<Device> findByIdIn(Collection<String> ids);

    /** Moves last-seen forward only, so a late redelivery never makes a device look older. */
    @Query("UPDATE device SET last_seen_at = :seenAt WHERE id = :id AND (last_seen_at IS NULL OR last_seen_at < :seenAt)")
    void markSeen(String id, Instant seenAt);
}
