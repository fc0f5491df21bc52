package org.smartcare.alert;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.device.Devices;

/**
 * Raises a MEDIUM NO_TURNING alert for each due no-turning watch, exactly once per watch across restarts and
 * instances; a bed still occupied without a turn starts a new watch with its next samples, so a long spell
 * folds into the open alert once per threshold period.
 */
@Singleton
public class NoTurningAlarm {

    private static final Logger LOG = LoggerFactory.getLogger(NoTurningAlarm.class);

    private final TransactionOperations<Connection> transactions;
    private final DueTimers timers;
    private final Devices devices;
    private final AlertEngine engine;

    NoTurningAlarm(TransactionOperations<Connection> transactions, DueTimers timers, Devices devices, AlertEngine engine) {
        this.transactions = transactions;
        this.timers = timers;
        this.devices = devices;
        this.engine = engine;
    }

    @Scheduled(fixedDelay = "${smartcare.alerts.timer-interval:5s}", initialDelay = "${smartcare.alerts.timer-initial-delay:5s}")
    void fireDue() {
        try {
            int fired = transactions.executeWrite(status -> {
                List<DueTimers.Due> due = timers.claim(NoTurningWatch.KIND);
                for (DueTimers.Due timer : due) {
                    devices.findById(timer.deviceId()).ifPresent(bed -> engine.raise(RuleId.NO_TURNING,
                            new EventRule.Raise(AlertKind.NO_TURNING, Severity.MEDIUM), bed, timer.since(), timer.seq()));
                }
                return due.size();
            });
            if (fired > 0) {
                LOG.info("{} beds without turning raised alerts", fired);
            }
        } catch (RuntimeException e) {
            LOG.warn("no-turning timers failed: {}", e.getMessage());
        }
    }
}
