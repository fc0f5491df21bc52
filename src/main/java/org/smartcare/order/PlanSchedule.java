package org.smartcare.order;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the orders of active plans generated a few days ahead ({@code smartcare.orders.plan-horizon-days},
 * default 2), so providers can assign caregivers before the day. Safe on every instance at once: generation
 * is idempotent per (plan, day).
 */
@Singleton
@Requires(property = "smartcare.orders.plan-generation-enabled", notEquals = "false")
public class PlanSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(PlanSchedule.class);

    private final ServiceOrders service;
    private final int horizonDays;

    PlanSchedule(ServiceOrders service, @Value("${smartcare.orders.plan-horizon-days:2}") int horizonDays) {
        if (horizonDays < 0 || horizonDays > 60) {
            throw new IllegalArgumentException("smartcare.orders.plan-horizon-days must be 0 to 60, got " + horizonDays);
        }
        this.service = service;
        this.horizonDays = horizonDays;
    }

    @Scheduled(fixedDelay = "${smartcare.orders.plan-interval:15m}",
            initialDelay = "${smartcare.orders.plan-initial-delay:20s}")
    public PlanRun run() {
        try {
            PlanRun run = service.generateUpcoming(horizonDays, Instant.now());
            if (run.created() > 0) {
                LOG.info("plan generation: {} orders from {} active plans", run.created(), run.plans());
            }
            return run;
        } catch (RuntimeException e) {
            // The next run catches up: a plan resumes after the last day it was generated for.
            LOG.warn("plan generation failed, retrying at the next interval: {}", e.toString());
            return new PlanRun(0, java.util.List.of());
        }
    }
}
