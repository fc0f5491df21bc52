package org.smartcare.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smartcare.order.TestOrders.CAREGIVER;
import static org.smartcare.order.TestOrders.ELDER;
import static org.smartcare.order.TestOrders.HOME;
import static org.smartcare.order.TestOrders.at;
import static org.smartcare.order.TestOrders.north;
import static org.smartcare.order.TestOrders.served;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each abnormal-order rule, with plain values: where it must fire, where it must not, and both sides of its
 * threshold. Orders are scheduled 09:00-10:00 with a 60 min standard (see {@link TestOrders}).
 */
class AnomalyRulesTest {

    private static final Instant NOON = at("12:00:00");

    @ParameterizedTest(name = "check-in {0} m from home -> {1}")
    @CsvSource({"0, false", "150, false", "199.9, false", "200.1, true", "1000, true", "-250, true"})
    void checkInFarFromHome(double metres, boolean fires) {
        ServiceOrder order = served(1, ELDER, CAREGIVER, at("09:00:00"), north(metres), null);
        assertFires(fires, new CheckInFarFromHomeRule(200), OrderFacts.of(order, HOME, NOON));
    }

    @Test
    void checkInFarFromHomeNeedsAHomeAndACheckIn() {
        CheckInFarFromHomeRule rule = new CheckInFarFromHomeRule(200);
        assertFires(false, rule, OrderFacts.of(served(1, ELDER, CAREGIVER, at("09:00:00"), north(5000), null),
                null, NOON));
        assertFires(false, rule, OrderFacts.of(TestOrders.in(OrderState.EN_ROUTE), HOME, NOON));
    }

    @ParameterizedTest(name = "in {0} out {1} -> {2}")
    @CsvSource({
            "09:00:00, 10:00:00, false",   // the full standard
            "09:00:00, 09:30:00, false",   // exactly 50%
            "09:00:00, 09:29:59, true",    // just under
            "09:00:00, 09:00:00, true",    // checked out at once
            "09:00:00, 12:00:00, false",   // long is not short
            "09:00:00,         , false"})  // not checked out yet
    void shortService(String in, String out, boolean fires) {
        ServiceOrder order = served(1, ELDER, CAREGIVER, at(in), out == null ? null : at(out));
        assertFires(fires, new ShortServiceRule(0.5), OrderFacts.of(order, HOME, NOON));
    }

    @ParameterizedTest(name = "check-in at {0} -> {1}")
    @CsvSource({
            "08:44:59, true",     // window 09:00-10:00, 15 min tolerance
            "08:45:00, false",
            "09:00:00, false",
            "09:59:59, false",
            "10:15:00, false",
            "10:15:01, true",
            "13:00:00, true"})
    void checkInOutsideWindow(String in, boolean fires) {
        ServiceOrder order = served(1, ELDER, CAREGIVER, at(in), null);
        assertFires(fires, new CheckInOutsideWindowRule(Duration.ofMinutes(15)), OrderFacts.of(order, HOME, NOON));
    }

    @Test
    void checkInOutsideWindowWithoutToleranceIsStrict() {
        CheckInOutsideWindowRule strict = new CheckInOutsideWindowRule(Duration.ZERO);
        assertFires(true, strict, OrderFacts.of(served(1, ELDER, CAREGIVER, at("08:59:59"), null), HOME, NOON));
        assertFires(false, strict, OrderFacts.of(served(1, ELDER, CAREGIVER, at("10:00:00"), null), HOME, NOON));
    }

    @ParameterizedTest(name = "in 09:00, out {0}, now {1} -> {2}")
    @CsvSource({
            ",         10:30:00, false",   // in service, within 2 x 60 min
            ",         11:00:00, false",   // exactly at the limit
            ",         11:00:01, true",    // past it, no check-out
            "10:00:00, 18:00:00, false",   // checked out in time; a late sweep changes nothing
            "11:00:00, 18:00:00, false",
            "11:00:01, 11:00:01, true"})   // checked out, but after the limit
    void missingCheckOut(String out, String now, boolean fires) {
        ServiceOrder order = served(1, ELDER, CAREGIVER, at("09:00:00"), out == null ? null : at(out));
        assertFires(fires, new MissingCheckOutRule(2.0), OrderFacts.of(order, HOME, at(now)));
    }

    @Test
    void missingCheckOutIgnoresOrdersNotCheckedIn() {
        assertFires(false, new MissingCheckOutRule(2.0),
                OrderFacts.of(TestOrders.in(OrderState.EN_ROUTE), HOME, at("23:00:00")));
    }

    @ParameterizedTest(name = "other elder {0}, caregiver {1}, {2}-{3}; this out {4} -> {5}")
    @CsvSource({
            "2, 7, 08:00:00, 09:00:00, 10:00:00, false",  // ends as this begins
            "2, 7, 08:00:00, 09:00:01, 10:00:00, true",
            "2, 7, 09:30:00, 09:45:00, 10:00:00, true",   // inside
            "2, 7, 08:00:00, 11:00:00, 10:00:00, true",   // around
            "2, 7, 10:00:00, 11:00:00, 10:00:00, false",  // begins as this ends
            "1, 7, 09:30:00, 09:45:00, 10:00:00, false",  // same elder: two services on one visit
            "2, 8, 09:30:00, 09:45:00, 10:00:00, false",  // another caregiver
            "2, 7, 07:00:00,         , 10:00:00, false",  // open order: counts until 07:00 + 2 x 60 min = 09:00
            "2, 7, 07:00:01,         , 10:00:00, true",
            "2, 7, 08:30:00,         ,         , true",   // both open: checked in at two elders at once
            "2, 7, 11:00:01,         ,         , false"}) // this open order counts until 11:00
    void overlappingOrders(long otherElder, long otherCaregiver, String otherIn, String otherOut, String thisOut,
                           boolean fires) {
        ServiceOrder order = served(1, ELDER, CAREGIVER, at("09:00:00"), thisOut == null ? null : at(thisOut));
        ServiceOrder other = served(2, otherElder, otherCaregiver, at(otherIn), otherOut == null ? null : at(otherOut));
        OrderFacts facts = new OrderFacts(order, HOME, List.of(order, other), List.of(), NOON);
        assertFires(fires, new OverlappingOrdersRule(2.0), facts);
    }

    /**
     * Tracks as "seconds:metres north of home:accuracy" points, separated by spaces; the order itself is not
     * checked in, so only the track counts.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'0:0:',                    false",  // one point
            "'0:0: 60:1990:',           false",  // 119.4 km/h
            "'0:0: 60:2010:',           true",   // 120.6 km/h
            "'0:0: 60:1000: 120:3010:', true",   // the second leg is too fast
            "'0:0:100 60:2100:100',     false",  // 2,100 m less two 100 m radii = 1,900 m: jitter, not speed
            "'0:0:5 60:2100:5',         true",   // 2,090 m
            "'0:0: 0:10:',              true",   // two places at one instant
            "'0:0: 0:0:',               false",  // the same report twice
            "'0:0: 3600:100000:',       false"}) // 100 km in an hour
    void impossibleSpeed(String points, boolean fires) {
        List<LocationFix> track = new ArrayList<>();
        for (String point : points.trim().split(" +")) {
            String[] parts = point.split(":", -1);
            track.add(new LocationFix(at("08:00:00").plusSeconds(Long.parseLong(parts[0])),
                    north(Double.parseDouble(parts[1])), parts[2].isEmpty() ? null : Double.parseDouble(parts[2])));
        }
        OrderFacts facts = new OrderFacts(TestOrders.in(OrderState.EN_ROUTE), HOME, List.of(), track, NOON);
        assertFires(fires, new ImpossibleSpeedRule(120), facts);
    }

    @Test
    void impossibleSpeedCountsTheCheckInFix() {
        ServiceOrder order = served(1, ELDER, CAREGIVER, at("09:00:00"), HOME, null);
        List<LocationFix> track = List.of(new LocationFix(at("08:59:00"), north(5000), 10.0));
        assertFires(true, new ImpossibleSpeedRule(120), new OrderFacts(order, HOME, List.of(), track, NOON));
        List<LocationFix> walk = List.of(new LocationFix(at("08:59:00"), north(60), 10.0));
        assertFires(false, new ImpossibleSpeedRule(120), new OrderFacts(order, HOME, List.of(), walk, NOON));
    }

    @Test
    void haversineMatchesAKnownDistance() {
        // Beijing Tiananmen to Shanghai People's Square: about 1,067 km.
        double metres = new Position(39.9087, 116.3975).metresTo(new Position(31.2304, 121.4737));
        assertEquals(1_067_000, metres, 5_000);
        assertEquals(200, HOME.metresTo(north(200)), 1e-6);
    }

    private static void assertFires(boolean fires, AnomalyRule rule, OrderFacts facts) {
        Optional<String> finding = rule.evaluate(facts);
        assertEquals(fires, finding.isPresent(), () -> rule.kind() + " " + (fires ? "must fire" : "fired: " + finding));
    }
}
