package org.smartcare.sim;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema-valid messages of a load run, numbered: message {@code n} is sent by device
 * {@code n % devices} with seq {@code seqStart + n / devices}, so the run's first {@code N} messages
 * are exactly the pairs (device i, seq S..S+c_i-1), c_i = the number of n < N with n % devices = i.
 */
final class LoadMessages {

    /** The kinds of load: a telemetry message of a device class, or an event. */
    enum Kind {
        BED, BUTTON, CAMERA, EVENT;

        static Kind parse(String text) {
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(text.strip())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown kind '" + text + "', expected bed, button, camera or event");
        }

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        MessageKind messageKind() {
            return switch (this) {
                case BED -> MessageKind.BED_TELEMETRY;
                case BUTTON -> MessageKind.BUTTON_HEARTBEAT;
                case CAMERA -> MessageKind.CAMERA_HEALTH;
                case EVENT -> MessageKind.EVENT;
            };
        }
    }

    private final Kind kind;
    private final int samples;
    private final int devices;
    private final long seqStart;
    private final String prefix;
    private final EventType eventType;
    private final Clock clock;
    private final String[] topics;

    LoadMessages(Kind kind, int samples, int devices, long seqStart, String prefix, EventType eventType, Clock clock) {
        this.kind = kind;
        this.samples = samples;
        this.devices = devices;
        this.seqStart = seqStart;
        this.prefix = prefix;
        this.eventType = eventType;
        this.clock = clock;
        this.topics = new String[devices];
        String channel = kind == Kind.EVENT ? Topics.EVENT : Topics.TELEMETRY;
        for (int i = 0; i < devices; i++) {
            topics[i] = Topics.of(deviceId(i), channel);
        }
    }

    /** Device {@code index} (0-based) is {@code <prefix>000001} for index 0. */
    String deviceId(int index) {
        return prefix + String.format("%06d", index + 1);
    }

    int deviceIndex(long n) {
        return (int) (n % devices);
    }

    long seq(long n) {
        return seqStart + n / devices;
    }

    String topic(long n) {
        return topics[deviceIndex(n)];
    }

    byte[] payload(long n) {
        long seq = seq(n);
        OffsetDateTime ts = OffsetDateTime.now(clock);
        return switch (kind) {
            case BED -> TelemetryPayloads.bed(seq, ts, samples(n));
            case BUTTON -> TelemetryPayloads.button(seq, ts, 80 - (int) (n % 7), -70 - (int) (n % 11), null);
            case CAMERA -> TelemetryPayloads.camera(seq, ts,
                    new TelemetryPayloads.CameraHealth(25, 2048 + (int) (n % 97), 14.5, true));
            case EVENT -> EventPayloads.event(eventType, seq, ts, details());
        };
    }

    private List<BedSample> samples(long n) {
        List<BedSample> list = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            list.add(BedSample.inBed(i * 1000, 58 + (int) ((n + i) % 9), 13 + (int) ((n + i) % 3), (int) ((n + i) % 4)));
        }
        return list;
    }

    private EventDetails details() {
        return switch (eventType) {
            case APNEA -> EventDetails.apnea(12);
            case SENSOR_FAULT -> EventDetails.fault("E_LOAD_TEST");
            case RESTRICTED_ZONE_MOTION -> EventDetails.zone("kitchen");
            case TAMPER -> EventDetails.tamper("occlusion");
            default -> EventDetails.none();
        };
    }
}
