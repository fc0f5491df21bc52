package org.smartcare.sim;

/**
 * How often the rare things happen in a simulated city. Rates are per simulated hour; {@code scale}
 * multiplies every event rate (not heartbeats or batches), to get events quickly in short tests.
 *
 * @param bedExitsPerNight        night bed exits per elder per night
 * @param bedNoReturnProbability  share of bed exits without a return within minutes (45-120 min away)
 * @param apneaPerSleepHour       apnea episodes per bed per hour of sleep
 * @param sensorFaultPerHour      sensor faults per bed per hour
 * @param sosPerHourPer1000       SOS presses per hour per 1000 buttons
 * @param fallPerHourPer1000      fall detections per hour per 1000 buttons
 * @param sosCancelProbability    share of presses cancelled within 30 s
 * @param zoneMotionPerOpenHour   restricted-zone motions per camera per opening hour
 * @param tamperPerOpenHour       tamper events per camera per opening hour
 */
public record CityRates(double bedExitsPerNight, double bedNoReturnProbability, double apneaPerSleepHour,
                        double sensorFaultPerHour, double sosPerHourPer1000, double fallPerHourPer1000,
                        double sosCancelProbability, double zoneMotionPerOpenHour, double tamperPerOpenHour,
                        double scale) {

    public static CityRates defaults() {
        return new CityRates(1.2, 0.06, 0.01, 0.0002, 2.0, 0.5, 0.3, 0.1, 0.005, 1.0);
    }

    public CityRates withSos(double perHourPer1000) {
        return new CityRates(bedExitsPerNight, bedNoReturnProbability, apneaPerSleepHour, sensorFaultPerHour,
                perHourPer1000, fallPerHourPer1000, sosCancelProbability, zoneMotionPerOpenHour, tamperPerOpenHour, scale);
    }

    public CityRates withFall(double perHourPer1000) {
        return new CityRates(bedExitsPerNight, bedNoReturnProbability, apneaPerSleepHour, sensorFaultPerHour,
                sosPerHourPer1000, perHourPer1000, sosCancelProbability, zoneMotionPerOpenHour, tamperPerOpenHour, scale);
    }

    public CityRates withScale(double factor) {
        return new CityRates(bedExitsPerNight, bedNoReturnProbability, apneaPerSleepHour, sensorFaultPerHour,
                sosPerHourPer1000, fallPerHourPer1000, sosCancelProbability, zoneMotionPerOpenHour, tamperPerOpenHour,
                factor);
    }
}
