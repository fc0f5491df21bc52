package org.smartcare.order;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sweeps for missing check-outs every minute (smartcare.orders.sweep-interval); off with sweep-enabled=false. */
@Singleton
@Requires(property = "smartcare.orders.sweep-enabled", notEquals = "false")
public class AnomalySweep {

    private static final Logger LOG = LoggerFactory.getLogger(AnomalySweep.class);

    private final AnomalyDetector detector;

    AnomalySweep(AnomalyDetector detector) {
        this.detector = detector;
    }

    @Scheduled(fixedDelay = "${smartcare.orders.sweep-interval:1m}", initialDelay = "${smartcare.orders.sweep-interval:1m}")
    void run() {
        try {
            int found = detector.sweep(Instant.now());
            if (found > 0) {
                LOG.info("anomaly sweep recorded {} findings", found);
            }
        } catch (RuntimeException e) {
            LOG.warn("anomaly sweep failed; the next one retries: {}", e.getMessage());
        }
    }
}
