package org.smartcare.alert;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.care.Elder;
import org.smartcare.care.Elders;
import org.smartcare.device.Device;
import org.smartcare.device.Devices;

/**
 * Night bed exits (22:00-06:00 in the elder's time zone) start a durable timer; a return to bed before it
 * is due cancels it, and a due timer raises a HIGH alert, exactly once. A return after the alert marks it
 * cleared (it stays until an operator handles it).
 */
@Singleton
public class NightBedExitWatch {

    private static final Logger LOG = LoggerFactory.getLogger(NightBedExitWatch.class);
    private static final LocalTime NIGHT_STARTS = LocalTime.of(22, 0);
    private static final LocalTime NIGHT_ENDS = LocalTime.of(6, 0);
    private static final String START = """
            INSERT INTO alert_timer (kind, device_id, due_at, source_ts, source_seq) VALUES ('NIGHT_BED_EXIT', ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String CANCEL = """
            UPDATE alert_timer SET cancelled_at = now()
            WHERE kind = 'NIGHT_BED_EXIT' AND device_id = ? AND fired_at IS NULL AND cancelled_at IS NULL
              AND source_ts <= ?""";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final AlertClearing clearing;
    private final DueTimers timers;
    private final Devices devices;
    private final Elders elders;
    private final Duration noReturnWithin;
    private AlertEngine engine;

    NightBedExitWatch(JdbcOperations jdbc, TransactionOperations<Connection> transactions, AlertClearing clearing, DueTimers timers,
                      Devices devices, Elders elders,
                      @Value("${smartcare.alerts.bed-return-within:15m}") Duration noReturnWithin) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clearing = clearing;
        this.timers = timers;
        this.devices = devices;
        this.elders = elders;
        this.noReturnWithin = noReturnWithin;
    }

    /** Set by the engine, which raises the alerts (it knows how to link them). */
    void raiseWith(AlertEngine alertEngine) {
        this.engine = alertEngine;
    }

    /** In the ingest transaction: a bed exit at night starts the watch. */
    void exited(Device bed, Instant at, long seq) {
        if (!isNight(bed, at)) {
            return;
        }
        jdbc.prepareStatement(START, statement -> {
            statement.setString(1, bed.id());
            statement.setTimestamp(2, Timestamp.from(at.plus(noReturnWithin)));
            statement.setTimestamp(3, Timestamp.from(at));
            statement.setLong(4, seq);
            return statement.executeUpdate();
        });
    }

    /** In the ingest transaction: a return to bed ends the watch, or clears the alert it raised. */
    void returned(Device bed, Instant at) {
        jdbc.prepareStatement(CANCEL, statement -> {
            statement.setString(1, bed.id());
            statement.setTimestamp(2, Timestamp.from(at));
            return statement.executeUpdate();
        });
        clearing.clear(List.of(new AlertClearing.Recovery(bed.id(), RuleId.NIGHT_BED_EXIT, at)), "back in bed");
    }

    @Scheduled(fixedDelay = "${smartcare.alerts.timer-interval:5s}", initialDelay = "${smartcare.alerts.timer-initial-delay:5s}")
    void fireDue() {
        try {
            int fired = transactions.executeWrite(status -> {
                List<DueTimers.Due> due = timers.claim("NIGHT_BED_EXIT");
                for (DueTimers.Due timer : due) {
                    devices.findById(timer.deviceId()).ifPresent(bed -> engine.raise(RuleId.NIGHT_BED_EXIT,
                            new EventRule.Raise(AlertKind.NIGHT_BED_EXIT, Severity.HIGH), bed, timer.since(),
                            timer.seq()));
                }
                return due.size();
            });
            if (fired > 0) {
                LOG.info("{} night bed exits without return raised alerts", fired);
            }
        } catch (RuntimeException e) {
            LOG.warn("bed-exit timers failed: {}", e.getMessage());
        }
    }

    private boolean isNight(Device bed, Instant at) {
        ZoneId zone = bed.elderId() == null ? ZoneId.of("Asia/Shanghai")
                : elders.findById(bed.elderId()).map(Elder::timeZone).map(ZoneId::of).orElse(ZoneId.of("Asia/Shanghai"));
        LocalTime local = at.atZone(zone).toLocalTime();
        return !local.isBefore(NIGHT_STARTS) || local.isBefore(NIGHT_ENDS);
    }

}
