package org.smartcare.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A bed sensor's 1 Hz samples from a start time on, published as the sensor does: messages of ten samples
 * each (bed-telemetry.v1), sequence numbers counting up.
 */
public final class BedTimeline {

    private final Instant start;
    private final List<String> samples = new ArrayList<>();

    private BedTimeline(Instant start) {
        this.start = start;
    }

    public static BedTimeline from(Instant start) {
        return new BedTimeline(start);
    }

    /** {@code seconds} samples in bed with these rates. */
    public BedTimeline inBed(int seconds, int heartRate, int respiration) {
        for (int s = 0; s < seconds; s++) {
            samples.add("{\"dtMs\":%d,\"hr\":" + heartRate + ",\"rr\":" + respiration + ",\"inBed\":true,\"move\":1}");
        }
        return this;
    }

    /** {@code seconds} samples out of bed (nothing measured). */
    public BedTimeline outOfBed(int seconds) {
        for (int s = 0; s < seconds; s++) {
            samples.add("{\"dtMs\":%d,\"hr\":null,\"rr\":null,\"inBed\":false}");
        }
        return this;
    }

    public Instant end() {
        return start.plusSeconds(samples.size());
    }

    /** The messages, ten samples each, numbered from {@code firstSeq}. */
    public List<byte[]> messages(long firstSeq) {
        List<byte[]> messages = new ArrayList<>();
        for (int first = 0; first < samples.size(); first += 10) {
            StringBuilder body = new StringBuilder();
            for (int i = first; i < Math.min(first + 10, samples.size()); i++) {
                body.append(body.isEmpty() ? "" : ",").append(samples.get(i).formatted((i - first) * 1000));
            }
            messages.add(("{\"v\":1,\"seq\":" + (firstSeq + first / 10) + ",\"ts\":\"" + start.plusSeconds(first)
                    + "\",\"samples\":[" + body + "]}").getBytes(StandardCharsets.UTF_8));
        }
        return messages;
    }
}
