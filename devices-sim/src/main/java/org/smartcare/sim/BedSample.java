package org.smartcare.sim;

/**
 * One vitals sample of a bed sensor batch.
 *
 * @param dtMs milliseconds after the batch's ts
 * @param hr   heart rate, or {@code null} when not measurable (out of bed)
 * @param rr   respiration rate, or {@code null} when not measurable
 * @param move body movement 0..100
 */
public record BedSample(int dtMs, Integer hr, Integer rr, boolean inBed, int move) {

    public static BedSample inBed(int dtMs, int hr, int rr, int move) {
        return new BedSample(dtMs, hr, rr, true, move);
    }

    public static BedSample empty(int dtMs) {
        return new BedSample(dtMs, null, null, false, 0);
    }

    String json() {
        return JsonText.object().field("dtMs", dtMs).nullable("hr", hr).nullable("rr", rr).field("inBed", inBed)
                .field("move", move).text();
    }
}
