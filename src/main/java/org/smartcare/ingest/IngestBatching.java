package org.smartcare.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How ingest batches: workers (each owns a share of the devices), the most messages in one transaction,
 * how long a worker waits for more before committing what it has, and the most messages a lane holds waiting
 * before it stops reading from the broker (20,000 bed messages are about 16 MB of heap).
 */
@ConfigurationProperties("smartcare.ingest.batch")
public record IngestBatching(
        @Bindable(defaultValue = "2") int workers,
        @Bindable(defaultValue = "1000") int maxMessages,
        @Bindable(defaultValue = "20ms") Duration linger,
        @Bindable(defaultValue = "20000") int maxWaiting) {
}
