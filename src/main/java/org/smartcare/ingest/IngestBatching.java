package org.smartcare.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How ingest batches: workers (each owns a share of the devices), the most messages in one transaction,
 * how long a worker waits for more before committing what it has, and how many received messages may wait
 * for the workers before a lane stops taking more (the broker keeps them in the session meanwhile). That limit is
 * a guard against running out of memory (about 40 MB of messages at the default), not a flow control: a pause
 * costs the redelivery of what was received on the dropped connection, so it must not trip on an ordinary burst
 * (a whole city's reconnection put 20,000 in the queues within 10 s).
 */
@ConfigurationProperties("smartcare.ingest.batch")
public record IngestBatching(
        @Bindable(defaultValue = "2") int workers,
        @Bindable(defaultValue = "1000") int maxMessages,
        @Bindable(defaultValue = "20ms") Duration linger,
        @Bindable(defaultValue = "60000") int maxWaiting) {
}
