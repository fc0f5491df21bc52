package org.smartcare.alert;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.order.Actor;
import org.smartcare.order.NewOrder;
import org.smartcare.order.OrderFailure;
import org.smartcare.order.ServiceOrder;
import org.smartcare.order.ServiceOrders;
import org.smartcare.order.ServiceType;

/**
 * The operator's workflow on an alert: acknowledge, dispatch help, resolve with an outcome, add notes,
 * escalate. Each step locks the alert, checks the move, records who did it and when, and announces the
 * change to every instance, in one transaction. Unacknowledged alerts escalate by themselves when their
 * deadline passes, exactly once across restarts and instances (the deadline lives in the row).
 */
@Singleton
public class AlertWorkflow {

    private static final Logger LOG = LoggerFactory.getLogger(AlertWorkflow.class);
    private static final String LOCK = "SELECT * FROM alert WHERE id = ? FOR UPDATE";
    private static final String ESCALATE_DUE = """
            WITH due AS (SELECT id FROM alert WHERE status = 'OPEN' AND ack_deadline <= now()
                         ORDER BY ack_deadline LIMIT 500 FOR UPDATE SKIP LOCKED)
            UPDATE alert a SET status = 'ESCALATED', escalated_at = now(), version = a.version + 1
            FROM due WHERE a.id = due.id RETURNING a.id""";
    private static final String CANCELLABLE = """
            SELECT * FROM alert WHERE device_id = ? AND rule = 'SOS_PRESS' AND status <> 'RESOLVED'
              AND source_event_ts BETWEEN ? AND ? FOR UPDATE""";

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final AlertWriter writer;
    private final ServiceOrders orders;

    AlertWorkflow(TransactionOperations<Connection> transactions, JdbcOperations jdbc, AlertWriter writer,
                  ServiceOrders orders) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.writer = writer;
        this.orders = orders;
    }

    public AlertResult acknowledge(long id, AlertScope scope, String actor, String note) {
        return move(id, scope, actor, note, AlertStatus.ACKNOWLEDGED,
                "acknowledged_at = coalesce(acknowledged_at, now())");
    }

    public AlertResult escalate(long id, AlertScope scope, String actor, String note) {
        return move(id, scope, actor, note, AlertStatus.ESCALATED, "escalated_at = now()");
    }

    public AlertResult resolve(long id, AlertScope scope, String actor, Outcome outcome, String note) {
        return transactions.executeWrite(status -> locked(id, scope).map(alert -> {
            if (!alert.status().canMoveTo(AlertStatus.RESOLVED)) {
                return AlertResult.refused(AlertFailure.wrongState(alert, AlertStatus.RESOLVED));
            }
            return AlertResult.ok(close(alert, outcome, actor, note));
        }).orElseGet(() -> AlertResult.refused(AlertFailure.notFound(id))));
    }

    public AlertResult addNote(long id, AlertScope scope, String actor, String note) {
        if (note == null || note.isBlank()) {
            return AlertResult.refused(new AlertFailure(AlertFailure.Code.INVALID_INPUT, "a note needs text"));
        }
        return transactions.executeWrite(status -> locked(id, scope).map(alert -> {
            writer.history(alert.id(), alert.status(), alert.status(), actor, note, "NOTE");
            update(alert.id(), "version = version");
            writer.announce(AlertNotice.updated(alert.id()));
            return AlertResult.ok(reload(alert.id()));
        }).orElseGet(() -> AlertResult.refused(AlertFailure.notFound(id))));
    }

    /** Sends help: creates the service order (or records the call) and moves the alert to DISPATCHED. */
    public AlertResult dispatch(long id, AlertScope scope, String actor, Dispatch dispatch, String note) {
        return transactions.executeWrite(status -> locked(id, scope).map(alert -> {
            if (!alert.status().canMoveTo(AlertStatus.DISPATCHED)) {
                return AlertResult.refused(AlertFailure.wrongState(alert, AlertStatus.DISPATCHED));
            }
            String detail;
            try {
                detail = switch (dispatch) {
                    case Dispatch.Order order -> orderFor(alert, order, actor);
                    case Dispatch.ContactCall call -> "called emergency contact #" + call.contactPriority() + ": "
                            + call.result();
                };
            } catch (OrderFailure failure) {
                // Nothing is kept: the transaction rolls back with the refusal.
                status.setRollbackOnly();
                return AlertResult.refused(new AlertFailure(AlertFailure.Code.INVALID_INPUT, failure.getMessage()));
            }
            update(alert.id(), "status = 'DISPATCHED', dispatched_at = now(), version = version + 1");
            writer.history(alert.id(), alert.status(), AlertStatus.DISPATCHED, actor, join(detail, note), "DISPATCH");
            writer.announce(AlertNotice.updated(alert.id()));
            return AlertResult.ok(reload(alert.id()));
        }).orElseGet(() -> AlertResult.refused(AlertFailure.notFound(id))));
    }

    /** A user's cancel within the window closes the open SOS alert it belongs to. Runs in ingest's transaction. */
    void cancelByUser(String deviceId, Instant cancelledAt, Duration window) {
        List<Alert> open = jdbc.prepareStatement(CANCELLABLE, statement -> {
            statement.setString(1, deviceId);
            statement.setTimestamp(2, Timestamp.from(cancelledAt.minus(window)));
            statement.setTimestamp(3, Timestamp.from(cancelledAt));
            try (ResultSet rows = statement.executeQuery()) {
                return jdbc.entityStream(rows, Alert.class).toList();
            }
        });
        open.forEach(alert -> close(alert, Outcome.CANCELLED_BY_USER, "device:" + deviceId,
                "cancelled on the button within " + window.toSeconds() + " s"));
    }

    @Scheduled(fixedDelay = "${smartcare.alerts.escalation-interval:1s}", initialDelay = "5s")
    void escalateOverdue() {
        try {
            List<Long> escalated = transactions.executeWrite(status -> {
                List<Long> ids = jdbc.prepareStatement(ESCALATE_DUE, statement -> {
                    List<Long> found = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(rows.getLong(1));
                        }
                    }
                    return found;
                });
                for (long id : ids) {
                    writer.history(id, AlertStatus.OPEN, AlertStatus.ESCALATED, "system:escalation",
                            "not acknowledged within the limit for its severity", "TRANSITION");
                    writer.announce(AlertNotice.updated(id));
                }
                return ids;
            });
            if (!escalated.isEmpty()) {
                LOG.warn("escalated {} unacknowledged alerts: {}", escalated.size(), escalated);
            }
        } catch (RuntimeException e) {
            LOG.warn("escalation sweep failed: {}", e.getMessage());
        }
    }

    /** The histories of several alerts in one query, each oldest first. */
    public Map<Long, List<HistoryEntry>> histories(Collection<Long> alertIds) {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT * FROM alert_transition WHERE alert_id = ANY (?) ORDER BY alert_id, at, id", statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("int8", alertIds.toArray()));
                    Map<Long, List<HistoryEntry>> byAlert = new HashMap<>();
                    alertIds.forEach(id -> byAlert.put(id, new ArrayList<>()));
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            long alertId = rows.getLong("alert_id");
                            byAlert.get(alertId).add(new HistoryEntry(alertId, rows.getString("kind"),
                                    rows.getString("from_status"), rows.getString("to_status"), rows.getString("actor"),
                                    rows.getTimestamp("at").toInstant(), rows.getString("note")));
                        }
                    }
                    return byAlert;
                }));
    }

    private AlertResult move(long id, AlertScope scope, String actor, String note, AlertStatus target, String set) {
        return transactions.executeWrite(status -> locked(id, scope).map(alert -> {
            if (!alert.status().canMoveTo(target)) {
                return AlertResult.refused(AlertFailure.wrongState(alert, target));
            }
            update(alert.id(), "status = '" + target.name() + "', " + set + ", version = version + 1");
            writer.history(alert.id(), alert.status(), target, actor, note, "TRANSITION");
            writer.announce(AlertNotice.updated(alert.id()));
            return AlertResult.ok(reload(alert.id()));
        }).orElseGet(() -> AlertResult.refused(AlertFailure.notFound(id))));
    }

    private Alert close(Alert alert, Outcome outcome, String actor, String note) {
        update(alert.id(), "status = 'RESOLVED', resolved_at = now(), outcome = '" + outcome.name()
                + "', version = version + 1");
        writer.history(alert.id(), alert.status(), AlertStatus.RESOLVED, actor, join(outcome.name(), note), "TRANSITION");
        writer.announce(AlertNotice.updated(alert.id()));
        return reload(alert.id());
    }

    private String orderFor(Alert alert, Dispatch.Order order, String actor) {
        Long institution = order.institutionId() != null ? order.institutionId() : alert.institutionId();
        if (alert.elderId() == null || institution == null) {
            throw new OrderFailure(OrderFailure.Code.INVALID_INPUT,
                    "an order needs the alert's elder and a provider institution");
        }
        ServiceType type = order.kind() == Dispatch.OrderKind.EMERGENCY ? ServiceType.EMERGENCY : ServiceType.VISIT;
        Instant now = Instant.now();
        Actor who = Actor.of(actor, alert.tenantId());
        ServiceOrder created = orders.create(NewOrder.fromAlert(alert.tenantId(), alert.id(), type, alert.elderId(),
                institution, now, now.plus(type.defaultStandard())), who);
        if (order.caregiverId() != null) {
            created = orders.assign(created.id(), order.caregiverId(), who, "dispatched from alert " + alert.id());
        }
        return type + " order " + created.id() + " for institution " + institution;
    }

    private Optional<Alert> locked(long id, AlertScope scope) {
        List<Alert> rows = jdbc.prepareStatement(LOCK, statement -> {
            statement.setLong(1, id);
            try (ResultSet result = statement.executeQuery()) {
                return jdbc.entityStream(result, Alert.class).toList();
            }
        });
        return rows.stream().filter(scope::includes).findFirst();
    }

    private Alert reload(long id) {
        return locked(id, AlertScope.EVERYTHING).orElseThrow();
    }

    private void update(long id, String set) {
        jdbc.prepareStatement("UPDATE alert SET " + set + " WHERE id = ?", statement -> {
            statement.setLong(1, id);
            return statement.executeUpdate();
        });
    }

    private static String join(String first, String second) {
        return second == null || second.isBlank() ? first : first + " — " + second;
    }
}
