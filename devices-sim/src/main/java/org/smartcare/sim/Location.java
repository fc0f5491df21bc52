package org.smartcare.sim;

/**
 * A GPS position as buttons with GPS report it.
 *
 * @param accuracyM horizontal accuracy in metres, or {@code null} when unknown
 */
public record Location(double lat, double lon, Double accuracyM) {

    public Location {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude must be within -90..90, got " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude must be within -180..180, got " + lon);
        }
        if (accuracyM != null && !(accuracyM >= 0)) {
            throw new IllegalArgumentException("accuracy must be >= 0 metres, got " + accuracyM);
        }
    }

    public static Location of(double lat, double lon) {
        return new Location(lat, lon, null);
    }

    /** Parses {@code LAT,LON} or {@code LAT,LON,ACCURACY_M}. */
    public static Location parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("expected LAT,LON[,ACCURACY_M], got '" + text + "'");
        }
        try {
            double lat = Double.parseDouble(parts[0].strip());
            double lon = Double.parseDouble(parts[1].strip());
            Double accuracy = parts.length == 3 ? Double.valueOf(parts[2].strip()) : null;
            return new Location(lat, lon, accuracy);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected LAT,LON[,ACCURACY_M] as numbers, got '" + text + "'", e);
        }
    }
}
