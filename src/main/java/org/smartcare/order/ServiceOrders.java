package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.smartcare.care.Elder;
import org.smartcare.care.Elders;
import org.smartcare.care.Institutions;

/**
 * The order workflow: create (idempotent by key), assign, travel, check in, check out, cancel, rate, close
 * follow-ups, and plan generation. Each command is one transaction that stores the order with its history
 * entry (and on check-in/out the anomalies found), or nothing when it is refused with an {@link OrderFailure}.
 * An actor sees only its tenant's orders: another tenant's order is NOT_FOUND.
 */
@Singleton
public class ServiceOrders {

    private final Orders orders;
    private final OrderTransitions transitions;
    private final OrderWriter writer;
    private final Caregivers caregivers;
    private final Elders elders;
    private final Institutions institutions;
    private final ServiceStandards standards;
    private final AnomalyDetector detector;
    private final Ratings ratings;
    private final FollowUps followUps;
    private final PlanGenerator planGenerator;
    private final OrderSettings settings;

    ServiceOrders(Orders orders, OrderTransitions transitions, OrderWriter writer, Caregivers caregivers,
                  Elders elders, Institutions institutions, ServiceStandards standards, AnomalyDetector detector,
                  Ratings ratings, FollowUps followUps, PlanGenerator planGenerator, OrderSettings settings) {
        this.orders = orders;
        this.transitions = transitions;
        this.writer = writer;
        this.caregivers = caregivers;
        this.elders = elders;
        this.institutions = institutions;
        this.standards = standards;
        this.detector = detector;
        this.ratings = ratings;
        this.followUps = followUps;
        this.planGenerator = planGenerator;
        this.settings = settings;
    }

    /**
     * Creates the order in state CREATED. With an idempotency key already used in the tenant it returns that
     * key's order when the request is the same, and refuses with IDEMPOTENCY_CONFLICT when it is not.
     */
    @Transactional
    public ServiceOrder create(NewOrder request, Actor actor) {
        if (!actor.mayActIn(request.tenantId())) {
            throw OrderFailure.notFound("tenant", request.tenantId());
        }
        if (request.idempotencyKey() != null) {
            Optional<ServiceOrder> existing = orders.findByTenantIdAndIdempotencyKey(request.tenantId(),
                    request.idempotencyKey());
            if (existing.isPresent()) {
                return replay(request, existing.get());
            }
        }
        elders.findById(request.elderId()).filter(e -> e.tenantId().equals(request.tenantId()))
                .orElseThrow(() -> OrderFailure.notFound("elder", request.elderId()));
        institutions.findById(request.institutionId()).filter(i -> i.tenantId().equals(request.tenantId()))
                .orElseThrow(() -> OrderFailure.notFound("institution", request.institutionId()));
        int standard = (int) standards.standardFor(request.tenantId(), request.type()).toMinutes();
        Optional<Long> id = writer.insertIfNew(OrderDraft.of(request, standard, Instant.now()));
        if (id.isEmpty()) {
            // A concurrent create with the same key committed first: this is a retry of it.
            return replay(request, orders.findByTenantIdAndIdempotencyKey(request.tenantId(), request.idempotencyKey())
                    .orElseThrow(() -> new IllegalStateException("insert skipped without a conflicting order")));
        }
        ServiceOrder created = orders.findById(id.get()).orElseThrow();
        transitions.save(OrderTransition.of(null, created, actor, request.alertId() == null
                ? "origin " + request.origin() : "dispatched from alert " + request.alertId()));
        return created;
    }

    /** CREATED -> ASSIGNED (or a reassignment while ASSIGNED) to a certified, active caregiver of the provider. */
    @Transactional
    public ServiceOrder assign(long orderId, long caregiverId, Actor actor, @Nullable String note) {
        return move(orderId, actor, note, order -> {
            ServiceOrder assigned = order.assign(caregiverId, Instant.now());
            requireEligible(assigned, caregiverId);
            return assigned;
        });
    }

    /** ASSIGNED -> EN_ROUTE. */
    @Transactional
    public ServiceOrder startTravel(long orderId, Actor actor) {
        return move(orderId, actor, null, order -> order.startTravel(Instant.now()));
    }

    /** EN_ROUTE -> IN_SERVICE with the phone's fix; runs the anomaly rules. */
    @Transactional
    public ServiceOrder checkIn(long orderId, LocationFix fix, Actor actor) {
        ServiceOrder order = move(orderId, actor, null, o -> o.checkIn(fix));
        detector.detect(order, latest(fix.at()));
        return order;
    }

    /** IN_SERVICE -> COMPLETED with the phone's fix; runs the anomaly rules. */
    @Transactional
    public ServiceOrder checkOut(long orderId, LocationFix fix, Actor actor) {
        ServiceOrder order = move(orderId, actor, null, o -> o.checkOut(fix));
        detector.detect(order, latest(fix.at()));
        return order;
    }

    /** CREATED, ASSIGNED or EN_ROUTE -> CANCELLED. */
    @Transactional
    public ServiceOrder cancel(long orderId, @Nullable String reason, Actor actor) {
        return move(orderId, actor, reason, order -> order.cancel(Instant.now()));
    }

    /**
     * COMPLETED -> RATED with a score of 1-5; a score at or below smartcare.orders.follow-up-max-score (2) opens
     * a follow-up due after smartcare.orders.follow-up-due (3 days).
     */
    @Transactional
    public Rated rate(long orderId, int score, @Nullable String comment, Actor actor) {
        if (score < 1 || score > 5) {
            throw OrderFailure.invalid("a rating is 1 to 5, got " + score);
        }
        if (comment != null && comment.length() > Rating.MAX_COMMENT_LENGTH) {
            throw OrderFailure.invalid("a rating comment has at most " + Rating.MAX_COMMENT_LENGTH + " characters");
        }
        ServiceOrder rated = move(orderId, actor, "rated " + score + "/5", order -> order.rate(Instant.now()));
        Rating rating = ratings.save(new Rating(rated.id(), score, comment, actor.id(), rated.updatedAt()));
        FollowUp followUp = score <= settings.followUpMaxScore()
                ? followUps.save(FollowUp.open(rated, rated.updatedAt(), settings.followUpDue()))
                : null;
        return new Rated(rated, rating, followUp);
    }

    /** Closes a follow-up with the corrective note (整改反馈) it needs. */
    @Transactional
    public FollowUp closeFollowUp(long followUpId, String correctiveNote, Actor actor) {
        FollowUp open = followUps.lockById(followUpId).filter(f -> actor.mayActIn(f.tenantId()))
                .orElseThrow(() -> OrderFailure.notFound("follow-up", followUpId));
        return followUps.update(open.close(correctiveNote, actor, Instant.now()));
    }

    /** Open follow-ups past their due time at {@code now}, most overdue first, in the actor's tenant. */
    @ReadOnly
    public List<FollowUp> overdueFollowUps(Actor actor, Instant now) {
        return actor.tenantId() == null ? followUps.findByClosedAtIsNullAndDueAtLessThanOrderByDueAt(now)
                : followUps.findByTenantIdAndClosedAtIsNullAndDueAtLessThanOrderByDueAt(actor.tenantId(), now);
    }

    /**
     * Creates the orders the active plans (of the actor's tenant, or all for a tenant-less actor) call for on
     * the days from..to inclusive. Idempotent: a second run over the same days creates nothing.
     */
    @Transactional
    public PlanRun generatePlannedOrders(LocalDate from, LocalDate to, Actor actor) {
        return planGenerator.generate(from, to, actor, Instant.now(), false);
    }

    /**
     * The scheduled run: orders for today (UTC date) and the next {@code horizonDays} days, each plan resuming
     * after the last day it was generated for. Two instances running it at once create every order once.
     */
    @Transactional
    public PlanRun generateUpcoming(int horizonDays, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return planGenerator.generate(today, today.plusDays(horizonDays), Actor.system("plans"), now, true);
    }

    @ReadOnly
    public Optional<ServiceOrder> find(long orderId, Actor actor) {
        return orders.findById(orderId).filter(order -> actor.mayActIn(order.tenantId()));
    }

    /** The order's history, oldest first; empty when the actor may not see the order. */
    @ReadOnly
    public List<OrderTransition> history(long orderId, Actor actor) {
        return find(orderId, actor).isPresent() ? transitions.findByOrderIdOrderById(orderId) : List.of();
    }

    private ServiceOrder move(long orderId, Actor actor, @Nullable String note, UnaryOperator<ServiceOrder> change) {
        ServiceOrder before = orders.lockById(orderId).filter(order -> actor.mayActIn(order.tenantId()))
                .orElseThrow(() -> OrderFailure.notFound("order", orderId));
        ServiceOrder after = orders.update(change.apply(before));
        transitions.save(OrderTransition.of(before, after, actor, note));
        return after;
    }

    private ServiceOrder replay(NewOrder request, ServiceOrder existing) {
        if (!request.sameAs(existing)) {
            throw new OrderFailure(OrderFailure.Code.IDEMPOTENCY_CONFLICT, "idempotency key "
                    + request.idempotencyKey() + " already made order " + existing.id() + " with other details");
        }
        return existing;
    }

    private void requireEligible(ServiceOrder order, long caregiverId) {
        Caregiver caregiver = caregivers.findById(caregiverId).filter(c -> c.tenantId().equals(order.tenantId()))
                .orElseThrow(() -> OrderFailure.notFound("caregiver", caregiverId));
        String refusal = null;
        if (!caregiver.active()) {
            refusal = "caregiver " + caregiverId + " is not active";
        } else if (caregiver.institutionId() != order.institutionId()) {
            refusal = "caregiver " + caregiverId + " works for institution " + caregiver.institutionId()
                    + ", not the provider " + order.institutionId();
        } else {
            LocalDate day = LocalDate.ofInstant(order.scheduledStart(), zoneOf(order));
            if (!caregiver.certifiedOn(day)) {
                refusal = "caregiver " + caregiverId + " holds no certificate valid on " + day;
            }
        }
        if (refusal != null) {
            throw new OrderFailure(OrderFailure.Code.CAREGIVER_NOT_ELIGIBLE, refusal);
        }
    }

    private ZoneId zoneOf(ServiceOrder order) {
        return ZoneId.of(elders.findById(order.elderId()).map(Elder::timeZone).orElse("Asia/Shanghai"));
    }

    /** Judging "now" no earlier than the fix, so a phone clock slightly ahead cannot make time run backwards. */
    private static Instant latest(Instant fixAt) {
        Instant now = Instant.now();
        return fixAt.isAfter(now) ? fixAt : now;
    }
}
