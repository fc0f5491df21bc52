package org.smartcare.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How ingest batches: workers (each owns a share of the devices), the most messages in one transaction,
 * and how long a worker waits for more before committing what it has.
 */
@ConfigurationProperties("smartcare.ingest.batch")
public record IngestBatching(
        @Bindable(defaultValue = "2") int workers,
        @Bindable(defaultValue = "1000") int maxMessages,
        @Bindable(defaultValue = "20ms") Duration linger) {
}
