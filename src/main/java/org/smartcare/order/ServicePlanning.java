package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.smartcare.care.Elders;
import org.smartcare.care.Institutions;

/**
 * Recurring plans as commands: start a plan (idempotent by key) and end it. Ending a plan cancels the orders it
 * already generated for days after its end that nobody has set off for yet; started ones are left to finish.
 * Each command is one transaction, or nothing when it is refused with an {@link OrderFailure}.
 */
@Singleton
public class ServicePlanning {

    private final ServicePlans plans;
    private final Orders orders;
    private final OrderWriter writer;
    private final Elders elders;
    private final Institutions institutions;
    private final ServiceStandards standards;
    private final ServiceOrders service;

    ServicePlanning(ServicePlans plans, Orders orders, OrderWriter writer, Elders elders, Institutions institutions,
                    ServiceStandards standards, ServiceOrders service) {
        this.plans = plans;
        this.orders = orders;
        this.writer = writer;
        this.elders = elders;
        this.institutions = institutions;
        this.standards = standards;
        this.service = service;
    }

    @Transactional
    public ServicePlan start(NewPlan request, Actor actor) {
        if (!actor.mayActIn(request.tenantId())) {
            throw OrderFailure.notFound("tenant", request.tenantId());
        }
        int standard = (int) standards.standardFor(request.tenantId(), request.type()).toMinutes();
        if (request.idempotencyKey() != null) {
            Optional<ServicePlan> existing = plans.findByTenantIdAndIdempotencyKey(request.tenantId(),
                    request.idempotencyKey());
            if (existing.isPresent()) {
                return replay(request, existing.get(), standard);
            }
        }
        elders.findById(request.elderId()).filter(e -> e.tenantId().equals(request.tenantId()))
                .orElseThrow(() -> OrderFailure.notFound("elder", request.elderId()));
        institutions.findById(request.institutionId()).filter(i -> i.tenantId().equals(request.tenantId()))
                .orElseThrow(() -> OrderFailure.notFound("institution", request.institutionId()));
        ServicePlan plan;
        try {
            plan = request.toPlan(standard);
        } catch (IllegalArgumentException e) {
            throw OrderFailure.invalid(e.getMessage());
        }
        Optional<Long> id = writer.insertIfNew(plan);
        if (id.isEmpty()) {
            // A concurrent start with the same key committed first: this is a retry of it.
            return replay(request, plans.findByTenantIdAndIdempotencyKey(request.tenantId(), request.idempotencyKey())
                    .orElseThrow(() -> new IllegalStateException("insert skipped without a conflicting plan")), standard);
        }
        return plans.findById(id.get()).orElseThrow();
    }

    /**
     * Ends the plan after {@code lastDay} (inclusive) and cancels its CREATED or ASSIGNED orders for later days.
     * Ending an ended plan changes nothing and returns it as it is, so a retried call is harmless.
     */
    @Transactional
    public Ended end(long planId, LocalDate lastDay, @Nullable String reason, Actor actor) {
        ServicePlan plan = plans.lockById(planId).filter(p -> actor.mayActIn(p.tenantId()))
                .orElseThrow(() -> OrderFailure.notFound("plan", planId));
        if (!plan.active()) {
            return new Ended(plan, List.of());
        }
        ServicePlan ended = plans.update(plan.end(lastDay, reason, actor));
        String note = "plan " + planId + " ended after " + lastDay + (ended.endedReason() == null ? ""
                : ": " + ended.endedReason());
        List<Long> cancelled = orders.findByPlanIdOrderByPlanDate(planId).stream()
                .filter(order -> order.planDate() != null && order.planDate().isAfter(lastDay))
                .filter(order -> order.state() == OrderState.CREATED || order.state() == OrderState.ASSIGNED)
                .map(order -> service.cancel(order.id(), note, actor).id())
                .toList();
        return new Ended(ended, cancelled);
    }

    private static ServicePlan replay(NewPlan request, ServicePlan existing, int standard) {
        if (!request.sameAs(existing, standard)) {
            throw new OrderFailure(OrderFailure.Code.IDEMPOTENCY_CONFLICT, "idempotency key "
                    + request.idempotencyKey() + " already made plan " + existing.id() + " with other details");
        }
        return existing;
    }

    /** An ended plan and the orders ending it cancelled. */
    public record Ended(ServicePlan plan, List<Long> cancelledOrderIds) {

        public Ended {
            cancelledOrderIds = List.copyOf(cancelledOrderIds);
        }
    }
}
