package org.smartcare.device;

/** A WGS 84 position. */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("not a WGS 84 position: " + latitude + "," + longitude);
        }
    }
}
