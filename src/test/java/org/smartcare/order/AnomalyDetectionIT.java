package org.smartcare.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smartcare.order.OrderFixtures.World;
import org.smartcare.support.Database;

/** Abnormal orders are found on check-in, check-out and the sweep, and each finding is stored once. */
@MicronautTest(environments = "test", transactional = false)
class AnomalyDetectionIT {

    private static final Position HOME = new Position(OrderFixtures.HOME_LAT, OrderFixtures.HOME_LON);
    /** About 500 m north of the elder's home. */
    private static final Position AWAY = new Position(OrderFixtures.HOME_LAT + 0.0045, OrderFixtures.HOME_LON);

    @Inject OrderFixtures fixtures;
    @Inject ServiceOrders service;
    @Inject AnomalyDetector detector;
    @Inject OrderAnomalies anomalies;
    @Inject Orders orders;
    @Inject CaregiverLocations locations;
    @Inject TransactionOperations<Connection> transactions;
    @Inject ServiceStandards standards;
    @Inject Database database;

    @Test
    void aFarAndShortVisitIsFlaggedOnceHoweverOftenItIsChecked() {
        World world = fixtures.world();
        long id = enRoute(world, world.elder().id());
        Instant in = Instant.now().plusSeconds(1);
        service.checkIn(id, new LocationFix(in, AWAY, 10.0), world.caregiverActor());
        assertEquals(Set.of(AnomalyKind.CHECK_IN_FAR_FROM_HOME), kinds(id));
        service.checkOut(id, new LocationFix(in.plus(Duration.ofMinutes(10)), AWAY, 10.0), world.caregiverActor());
        assertEquals(Set.of(AnomalyKind.CHECK_IN_FAR_FROM_HOME, AnomalyKind.SHORT_SERVICE), kinds(id));

        ServiceOrder order = orders.findById(id).orElseThrow();
        assertEquals(List.of(), detector.detect(order, Instant.now().plus(Duration.ofDays(1))), "nothing new");
        assertEquals(2, database.count("SELECT count(*) FROM service_order_anomaly WHERE order_id = ?", id));
        OrderAnomaly far = anomalies.findByOrderIdOrderById(id).get(0);
        assertTrue(far.detail().matches("checked in 5\\d\\d m from the elder's home \\(limit 200 m\\)"), far.detail());
        assertEquals(world.tenant(), far.tenantId());
    }

    @Test
    void theSweepFindsAMissingCheckOutOnce() {
        World world = fixtures.world();
        long id = enRoute(world, world.elder().id());
        Instant in = Instant.now().plusSeconds(1);
        service.checkIn(id, new LocationFix(in, HOME, 10.0), world.caregiverActor());
        assertEquals(Set.of(), kinds(id));

        Instant before = in.plus(Duration.ofMinutes(119));
        detector.sweep(before);
        assertEquals(Set.of(), kinds(id), "within twice the 60 min standard");
        Instant after = in.plus(Duration.ofMinutes(121));
        assertTrue(detector.sweep(after) >= 1);
        assertEquals(Set.of(AnomalyKind.MISSING_CHECK_OUT), kinds(id));
        detector.sweep(after.plusSeconds(600));
        assertEquals(1, database.count("SELECT count(*) FROM service_order_anomaly WHERE order_id = ?", id));
    }

    @Test
    void oneCaregiverCheckedInAtTwoEldersIsFlaggedOnBothOrders() {
        World world = fixtures.world();
        long first = enRoute(world, world.elder().id());
        long second = enRoute(world, world.neighbour().id());
        Instant in = Instant.now().plusSeconds(1);
        service.checkIn(first, new LocationFix(in, HOME, 10.0), world.caregiverActor());
        Position neighbourHome = new Position(world.neighbour().latitude(), world.neighbour().longitude());
        service.checkIn(second, new LocationFix(in.plus(Duration.ofMinutes(20)), neighbourHome, 10.0),
                world.caregiverActor());
        assertTrue(kinds(second).contains(AnomalyKind.OVERLAPPING_ORDERS), () -> "second: " + kinds(second));
        service.checkOut(first, new LocationFix(in.plus(Duration.ofMinutes(60)), HOME, 10.0), world.caregiverActor());
        assertTrue(kinds(first).contains(AnomalyKind.OVERLAPPING_ORDERS), () -> "first: " + kinds(first));
    }

    @Test
    void aTrackJumpingTenKilometresInAMinuteIsAnImpossibleSpeed() {
        World world = fixtures.world();
        long id = enRoute(world, world.elder().id());
        Instant in = Instant.now().plusSeconds(1);
        service.checkIn(id, new LocationFix(in, HOME, 10.0), world.caregiverActor());
        long caregiver = world.caregiver().id();
        Position far = new Position(OrderFixtures.HOME_LAT + 0.09, OrderFixtures.HOME_LON); // ~10 km
        transactions.executeWrite(status -> {
            assertTrue(locations.storeIfNew(CaregiverLocation.of(caregiver, null, 1,
                    new LocationFix(in.plus(Duration.ofMinutes(20)), HOME, 15.0))));
            assertTrue(locations.storeIfNew(CaregiverLocation.of(caregiver, null, 2,
                    new LocationFix(in.plus(Duration.ofMinutes(21)), far, 15.0))));
            assertTrue(!locations.storeIfNew(CaregiverLocation.of(caregiver, null, 2,
                    new LocationFix(in.plus(Duration.ofMinutes(21)), far, 15.0))), "a redelivered fix adds nothing");
            return null;
        });
        service.checkOut(id, new LocationFix(in.plus(Duration.ofMinutes(60)), HOME, 10.0), world.caregiverActor());
        assertEquals(Set.of(AnomalyKind.IMPOSSIBLE_SPEED), kinds(id));
    }

    private long enRoute(World world, long elderId) {
        // 60 min standard for the tests' arithmetic, instead of 助洁's default 120.
        standards.set(world.tenant(), ServiceType.CLEANING, "助洁", Duration.ofMinutes(60));
        Instant start = Instant.now();
        long id = service.create(new NewOrder(world.tenant(), ServiceType.CLEANING, elderId, world.provider().id(),
                start, start.plus(Duration.ofMinutes(90)), OrderOrigin.PLANNED, null, 0, 0, null), world.operator()).id();
        service.assign(id, world.caregiver().id(), world.operator(), null);
        service.startTravel(id, world.caregiverActor());
        return id;
    }

    private Set<AnomalyKind> kinds(long orderId) {
        return anomalies.findByOrderIdOrderById(orderId).stream().map(OrderAnomaly::kind).collect(Collectors.toSet());
    }
}
