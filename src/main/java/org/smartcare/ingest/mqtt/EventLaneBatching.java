package org.smartcare.ingest.mqtt;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the events lane batches: it never waits for more, it only takes what has already queued up (at most
 * {@code maxMessages}) into one transaction, so a burst of presses commits together instead of one by one.
 */
@ConfigurationProperties("smartcare.ingest.events")
public record EventLaneBatching(
        @Bindable(defaultValue = "1") int workers,
        @Bindable(defaultValue = "200") int maxMessages) {
}
