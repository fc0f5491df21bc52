package org.smartcare.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Limits of the ingest path. */
@ConfigurationProperties("smartcare.ingest")
public record IngestSettings(
        @Bindable(defaultValue = "8192") int maxEventBytes,
        @Bindable(defaultValue = "16384") int maxBedTelemetryBytes,
        @Bindable(defaultValue = "2048") int deadLetterKeepBytes) {
}
