package org.smartcare.db;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.telemetry.TimescaleCheck;

/** Before the pool is handed to anyone: TimescaleDB must be there, and the schema is migrated. */
@Singleton
@Requires(property = "smartcare.db.migrate", notEquals = "false")
public class DatabaseSetup implements BeanCreatedEventListener<DataSource> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSetup.class);

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource bean = event.getBean();
        // The bean is Micronaut Data's contextual proxy; work on the pool behind it, outside any context.
        DataSource dataSource = pool(bean);
        try (Connection connection = dataSource.getConnection()) {
            LOG.info("TimescaleDB {} present", TimescaleCheck.verify(connection));
        } catch (TimescaleCheck.MissingTimescaleException e) {
            LOG.error(e.getMessage());
            throw e;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("applied {} migrations, schema now at version {}", result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
        return bean;
    }

    private static DataSource pool(DataSource bean) {
        try {
            return bean.isWrapperFor(HikariDataSource.class) ? bean.unwrap(HikariDataSource.class) : bean;
        } catch (SQLException e) {
            return bean;
        }
    }
}
