package org.smartcare.order;

import java.time.Instant;

/** Orders for the local tests: scheduled 09:00-10:00 UTC on 2 March 2026, 60 min standard, elder 1. */
final class TestOrders {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant END = START.plusSeconds(3600);
    static final Position HOME = new Position(31.69, 113.38);
    static final long ELDER = 1;
    static final long CAREGIVER = 7;
    /** Metres per degree of latitude on the sphere the haversine uses. */
    static final double METRES_PER_DEGREE = Math.toRadians(1) * Position.EARTH_RADIUS_M;

    private TestOrders() {
    }

    static ServiceOrder created(long id) {
        return new ServiceOrder(id, "t", ServiceType.BATH, ELDER, 3, null, START, END, 60, OrderOrigin.PLANNED, null,
                null, null, 5000, 3000, OrderState.CREATED, null, null, null, null, null, null, null, null, START, START);
    }

    /** An order of the caregiver checked in at {@code in} (at home) and out at {@code out} (null: still in). */
    static ServiceOrder served(long id, long elder, long caregiver, Instant in, Instant out) {
        return served(id, elder, caregiver, in, HOME, out);
    }

    static ServiceOrder served(long id, long elder, long caregiver, Instant in, Position at, Instant out) {
        return new ServiceOrder(id, "t", ServiceType.BATH, elder, 3, caregiver, START, END, 60, OrderOrigin.PLANNED,
                null, null, null, 0, 0, out == null ? OrderState.IN_SERVICE : OrderState.COMPLETED, null,
                in, at.latitude(), at.longitude(),
                out, out == null ? null : HOME.latitude(), out == null ? null : HOME.longitude(),
                null, START, out == null ? in : out);
    }

    /** The order walked through the legal path up to {@code state}. */
    static ServiceOrder in(OrderState state) {
        ServiceOrder order = created(1);
        Instant at = START;
        return switch (state) {
            case CREATED -> order;
            case ASSIGNED -> order.assign(CAREGIVER, at);
            case EN_ROUTE -> in(OrderState.ASSIGNED).startTravel(at.plusSeconds(60));
            case IN_SERVICE -> in(OrderState.EN_ROUTE).checkIn(new LocationFix(at.plusSeconds(600), HOME, 5.0));
            case COMPLETED -> in(OrderState.IN_SERVICE).checkOut(new LocationFix(at.plusSeconds(4200), HOME, 5.0));
            case RATED -> in(OrderState.COMPLETED).rate(at.plusSeconds(7200));
            case CANCELLED -> order.cancel(at);
        };
    }

    /** A position {@code metres} due north of home. */
    static Position north(double metres) {
        return new Position(HOME.latitude() + metres / METRES_PER_DEGREE, HOME.longitude());
    }

    static Instant at(String hhmmss) {
        return Instant.parse("2026-03-02T" + hhmmss + "Z");
    }
}
