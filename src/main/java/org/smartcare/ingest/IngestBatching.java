package org.smartcare.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How ingest batches: workers (each owns a share of the devices), the most messages in one transaction,
 * how long a worker waits for more before committing what it has, and the most messages a lane holds waiting
 * before it stops reading from the broker. That bound is kept small (4,000 bed messages, about 4 MB): messages
 * that wait in the heap outlive young collections and fill the old generation, so a backlog belongs with the
 * broker. With 20,000 a city run at night spent its last two minutes in back-to-back full collections.
 * {@code nice} is the nice value (0-19) of the telemetry lane's threads: below the events lane's, which stays at
 * the process's own, so that an SOS is served first when the machine is busy.
 */
@ConfigurationProperties("smartcare.ingest.batch")
public record IngestBatching(
        @Bindable(defaultValue = "2") int workers,
        @Bindable(defaultValue = "1000") int maxMessages,
        @Bindable(defaultValue = "20ms") Duration linger,
        @Bindable(defaultValue = "4000") int maxWaiting,
        @Bindable(defaultValue = "5") int nice) {
}
