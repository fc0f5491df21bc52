package org.smartcare.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcare.order.OrderFixtures.World;
import org.smartcare.support.Database;

/** The order workflow against the real database: lifecycle and history, refusals, idempotency, ratings, plans. */
@MicronautTest(environments = "test", transactional = false)
class ServiceOrdersIT {

    @Inject OrderFixtures fixtures;
    @Inject ServiceOrders service;
    @Inject ServiceStandards standards;
    @Inject ServicePlans plans;
    @Inject Orders orders;
    @Inject OrderAnomalies anomalies;
    @Inject Database database;

    @Test
    void anOrderGoesThroughItsLifecycleAndEveryStepIsInItsHistory() {
        World world = fixtures.world();
        standards.set(world.tenant(), ServiceType.BATH, "助浴", Duration.ofMinutes(90));
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ServiceOrder created = service.create(request(world, start, "key-1"), world.operator());
        assertEquals(OrderState.CREATED, created.state());
        assertEquals(90, created.standardMinutes(), "the tenant's own standard for 助浴");

        long id = created.id();
        service.assign(id, world.caregiver().id(), world.operator(), "nearest caregiver");
        service.startTravel(id, world.caregiverActor());
        Instant in = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        LocationFix home = new LocationFix(in, new Position(OrderFixtures.HOME_LAT, OrderFixtures.HOME_LON), 8.0);
        ServiceOrder inService = service.checkIn(id, home, world.caregiverActor());
        assertEquals(OrderState.IN_SERVICE, inService.state());
        LocationFix out = new LocationFix(in.plus(Duration.ofMinutes(90)), home.position(), 6.0);
        ServiceOrder completed = service.checkOut(id, out, world.caregiverActor());
        Rated rated = service.rate(id, 5, "很满意", Actor.of("family:王小明", world.tenant()));
        assertNull(rated.followUp(), "a good rating opens no follow-up");

        ServiceOrder stored = orders.findById(id).orElseThrow();
        assertEquals(OrderState.RATED, stored.state());
        assertEquals(world.caregiver().id(), stored.caregiverId());
        assertEquals(in, stored.checkInAt());
        assertEquals(out.at(), stored.checkOutAt());
        assertEquals(OrderFixtures.HOME_LAT, stored.checkOutLatitude());
        assertEquals(completed.checkOutAt(), stored.checkOutAt());
        assertEquals(2000, stored.payableFen());

        List<OrderTransition> history = service.history(id, world.operator());
        assertEquals(List.of("null>CREATED", "CREATED>ASSIGNED", "ASSIGNED>EN_ROUTE", "EN_ROUTE>IN_SERVICE",
                        "IN_SERVICE>COMPLETED", "COMPLETED>RATED"),
                history.stream().map(t -> t.fromState() + ">" + t.toState()).toList());
        assertEquals("it-operator", history.get(1).actor());
        assertEquals("nearest caregiver", history.get(1).note());
        assertEquals("caregiver:" + world.caregiver().id(), history.get(3).actor());
        assertEquals(in, history.get(3).at());
        assertEquals("rated 5/5", history.get(5).note());
        assertEquals(0, anomalies.findByOrderIdOrderById(id).size(), "on time, at home, full standard");
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        World world = fixtures.world();
        long id = service.create(request(world, Instant.now(), null), world.operator()).id();
        LocationFix fix = LocationFix.of(Instant.now(), OrderFixtures.HOME_LAT, OrderFixtures.HOME_LON);

        OrderFailure early = assertThrows(OrderFailure.class, () -> service.checkIn(id, fix, world.operator()));
        assertEquals(OrderFailure.Code.ILLEGAL_TRANSITION, early.code());
        assertEquals("order " + id + " cannot go from CREATED to IN_SERVICE", early.getMessage());
        assertEquals(OrderState.CREATED, orders.findById(id).orElseThrow().state());
        assertEquals(1, service.history(id, world.operator()).size());

        service.cancel(id, "family cancelled by phone", world.operator());
        OrderFailure late = assertThrows(OrderFailure.class,
                () -> service.assign(id, world.caregiver().id(), world.operator(), null));
        assertEquals("order " + id + " cannot go from CANCELLED to ASSIGNED", late.getMessage());
        assertEquals(2, service.history(id, world.operator()).size());

        World other = fixtures.world();
        OrderFailure foreign = assertThrows(OrderFailure.class, () -> service.cancel(id, null, other.operator()));
        assertEquals(OrderFailure.Code.NOT_FOUND, foreign.code(), "another tenant's order does not exist for it");
    }

    @Test
    void onlyACertifiedCaregiverOfTheProviderIsAssigned() {
        World world = fixtures.world();
        long id = service.create(request(world, Instant.now(), null), world.operator()).id();
        Caregiver expired = fixtures.caregiver(world, "YL-OLD", LocalDate.of(2021, 6, 30));
        Caregiver uncertified = fixtures.caregiver(world, null, null);
        for (Caregiver caregiver : List.of(expired, uncertified)) {
            OrderFailure refused = assertThrows(OrderFailure.class,
                    () -> service.assign(id, caregiver.id(), world.operator(), null));
            assertEquals(OrderFailure.Code.CAREGIVER_NOT_ELIGIBLE, refused.code());
        }
        World other = fixtures.world();
        assertEquals(OrderFailure.Code.NOT_FOUND, assertThrows(OrderFailure.class,
                () -> service.assign(id, other.caregiver().id(), world.operator(), null)).code());
        assertEquals(OrderState.CREATED, orders.findById(id).orElseThrow().state());
    }

    @Test
    void aRetriedCreateReturnsTheFirstOrder() {
        World world = fixtures.world();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ServiceOrder first = service.create(request(world, start, "req-42"), world.operator());
        ServiceOrder again = service.create(request(world, start, "req-42"), world.operator());
        assertEquals(first.id(), again.id());
        assertEquals(1, database.count("SELECT count(*) FROM service_order WHERE tenant_id = ?", world.tenant()));
        assertEquals(1, service.history(first.id(), world.operator()).size());

        OrderFailure reused = assertThrows(OrderFailure.class,
                () -> service.create(request(world, start.plusSeconds(3600), "req-42"), world.operator()));
        assertEquals(OrderFailure.Code.IDEMPOTENCY_CONFLICT, reused.code());
        service.create(request(world, start, "req-43"), world.operator());
        assertEquals(2, database.count("SELECT count(*) FROM service_order WHERE tenant_id = ?", world.tenant()));
    }

    @Test
    void aBadRatingOpensAFollowUpThatBecomesOverdueAndClosesOnlyWithANote() {
        World world = fixtures.world();
        long id = completedOrder(world);
        Rated rated = service.rate(id, 2, "来晚了，打扫不干净", Actor.of("family:1", world.tenant()));
        FollowUp followUp = rated.followUp();
        assertNotNull(followUp);
        assertEquals(Duration.ofDays(3), Duration.between(followUp.openedAt(), followUp.dueAt()));
        assertEquals(2, rated.rating().score());

        Instant now = Instant.now();
        assertTrue(service.overdueFollowUps(world.operator(), now.plus(Duration.ofDays(1))).isEmpty());
        List<FollowUp> overdue = service.overdueFollowUps(world.operator(), now.plus(Duration.ofDays(4)));
        assertEquals(List.of(followUp.id()), overdue.stream().map(FollowUp::id).toList());
        assertTrue(service.overdueFollowUps(fixtures.world().operator(), now.plus(Duration.ofDays(4))).isEmpty(),
                "other tenants do not see it");

        OrderFailure noNote = assertThrows(OrderFailure.class,
                () -> service.closeFollowUp(followUp.id(), "  ", world.operator()));
        assertEquals(OrderFailure.Code.INVALID_INPUT, noNote.code());
        FollowUp closed = service.closeFollowUp(followUp.id(), "已回访，护理员重新培训并上门返工", world.operator());
        assertNotNull(closed.closedAt());
        assertEquals("it-operator", closed.closedBy());
        assertTrue(service.overdueFollowUps(world.operator(), now.plus(Duration.ofDays(4))).isEmpty());
        assertEquals(OrderFailure.Code.FOLLOW_UP_CLOSED, assertThrows(OrderFailure.class,
                () -> service.closeFollowUp(followUp.id(), "again", world.operator())).code());
        assertEquals(OrderFailure.Code.ILLEGAL_TRANSITION, assertThrows(OrderFailure.class,
                () -> service.rate(id, 1, null, world.operator())).code(), "one rating per order");
    }

    @Test
    void planGenerationMakesEachOrderOnceHoweverOftenItRuns() {
        World world = fixtures.world();
        ServicePlan plan = plans.save(ServicePlan.of(world.tenant(), world.elder().id(), world.provider().id(),
                ServiceType.MEAL, Recurrence.parse("WEEKDAYS"), LocalTime.of(11, 30), 30, LocalDate.of(2026, 3, 1)));
        Actor scheduler = Actor.of("system:plans", world.tenant());

        PlanRun first = service.generatePlannedOrders(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), scheduler);
        assertEquals(5, first.created(), "Monday to Friday");
        PlanRun second = service.generatePlannedOrders(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), scheduler);
        assertEquals(0, second.created());
        PlanRun overlapping = service.generatePlannedOrders(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 10),
                scheduler);
        assertEquals(2, overlapping.created(), "only the new Monday and Tuesday");

        List<ServiceOrder> generated = orders.findByPlanIdOrderByPlanDate(plan.id());
        assertEquals(7, generated.size());
        ServiceOrder monday = generated.get(0);
        assertEquals(LocalDate.of(2026, 3, 2), monday.planDate());
        assertEquals(Instant.parse("2026-03-02T03:30:00Z"), monday.scheduledStart(), "11:30 in Asia/Shanghai");
        assertEquals(Instant.parse("2026-03-02T04:00:00Z"), monday.scheduledEnd());
        assertEquals(OrderOrigin.PLANNED, monday.origin());
        assertEquals(ServiceType.MEAL.defaultStandard().toMinutes(), monday.standardMinutes());
        assertEquals(1, service.history(monday.id(), world.operator()).size());
        assertEquals(LocalDate.of(2026, 3, 10), plans.findById(plan.id()).orElseThrow().lastGeneratedOn());
    }

    private long completedOrder(World world) {
        long id = service.create(request(world, Instant.now(), null), world.operator()).id();
        service.assign(id, world.caregiver().id(), world.operator(), null);
        service.startTravel(id, world.caregiverActor());
        Instant in = Instant.now().plusSeconds(1);
        service.checkIn(id, LocationFix.of(in, OrderFixtures.HOME_LAT, OrderFixtures.HOME_LON), world.caregiverActor());
        service.checkOut(id, LocationFix.of(in.plus(Duration.ofMinutes(60)), OrderFixtures.HOME_LAT,
                OrderFixtures.HOME_LON), world.caregiverActor());
        return id;
    }

    private static NewOrder request(World world, Instant start, String key) {
        return new NewOrder(world.tenant(), ServiceType.BATH, world.elder().id(), world.provider().id(), start,
                start.plus(Duration.ofMinutes(90)), OrderOrigin.FAMILY_REQUEST, null, 5000, 3000, key);
    }
}
