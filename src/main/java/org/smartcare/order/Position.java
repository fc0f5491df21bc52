package org.smartcare.order;

/** A WGS 84 position. */
public record Position(double latitude, double longitude) {

    /** Mean Earth radius (IUGG), good to ~0.5% for the short distances compared here. */
    static final double EARTH_RADIUS_M = 6_371_008.8;

    public Position {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a WGS 84 position: " + latitude + "," + longitude);
        }
    }

    public static Position of(double latitude, double longitude) {
        return new Position(latitude, longitude);
    }

    /** Great-circle distance by the haversine formula, stable for the few metres that matter here. */
    public double metresTo(Position other) {
        double phi1 = Math.toRadians(latitude);
        double phi2 = Math.toRadians(other.latitude);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(other.longitude - longitude);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
