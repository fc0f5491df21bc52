package org.smartcare.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.smartcare.device.DeviceType;
import org.smartcare.device.EventType;
import org.smartcare.device.GeoPoint;

/**
 * Validates a payload against its schema in schema/mqtt (chosen by channel and device class) and turns it
 * into a {@link Decoded}. Times are kept to the microsecond, as the database stores them.
 */
@Singleton
public class MessageDecoder {

    private static final String ROOT = "classpath:mqtt-schema/";

    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final BedTelemetryFastPath bedFastPath = new BedTelemetryFastPath();
    private final JsonSchema event;
    private final JsonSchema status;
    private final Map<DeviceType, JsonSchema> telemetry = new EnumMap<>(DeviceType.class);

    public MessageDecoder() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        event = factory.getSchema(SchemaLocation.of(ROOT + "event.v1.schema.json"), config);
        status = factory.getSchema(SchemaLocation.of(ROOT + "status.v1.schema.json"), config);
        telemetry.put(DeviceType.BED_SENSOR, factory.getSchema(SchemaLocation.of(ROOT + "bed-telemetry.v1.schema.json"), config));
        telemetry.put(DeviceType.SOS_BUTTON, factory.getSchema(SchemaLocation.of(ROOT + "button-telemetry.v1.schema.json"), config));
        telemetry.put(DeviceType.NURSERY_CAMERA, factory.getSchema(SchemaLocation.of(ROOT + "camera-telemetry.v1.schema.json"), config));
        telemetry.put(DeviceType.CAREGIVER_PHONE, factory.getSchema(SchemaLocation.of(ROOT + "caregiver-location.v1.schema.json"), config));
    }

    public Decoded decode(Channel channel, DeviceType deviceType, byte[] payload, String deviceId) throws Rejection {
        if (channel == Channel.TELEMETRY && deviceType == DeviceType.BED_SENSOR) {
            Decoded fast = bedFastPath.decode(payload);
            if (fast != null) {
                return fast;
            }
        }
        return decodeFully(channel, deviceType, payload, deviceId);
    }

    /** Parses into a tree and validates against the schema: every payload, any channel (the reference path). */
    Decoded decodeFully(Channel channel, DeviceType deviceType, byte[] payload, String deviceId) throws Rejection {
        JsonNode root = parse(payload, deviceId);
        return switch (channel) {
            case EVENT -> event(validated(event, root, deviceId), deviceType, deviceId);
            case STATUS -> status(validated(status, root, deviceId), deviceId);
            case TELEMETRY -> telemetry(validated(telemetry.get(deviceType), root, deviceId), deviceType, deviceId);
        };
    }

    private Decoded.Event event(JsonNode root, DeviceType deviceType, String deviceId) throws Rejection {
        EventType type = EventType.fromWireName(root.get("type").asText()).orElseThrow(() ->
                new Rejection(DeadLetterReason.SCHEMA_VIOLATION, "unknown event type", deviceId));
        if (!type.isSentBy(deviceType)) {
            throw new Rejection(DeadLetterReason.WRONG_DEVICE_TYPE, type.wireName() + " comes from a " + type.sentBy()
                    + ", but " + deviceId + " is a " + deviceType, deviceId);
        }
        JsonNode location = root.get("location");
        String detail = text(root, "code") != null ? text(root, "code")
                : text(root, "zone") != null ? text(root, "zone") : text(root, "tamperKind");
        return new Decoded.Event(seq(root), ts(root, deviceId), type, geo(location),
                location == null ? null : number(location, "accuracyM"), number(root, "durationS"), detail);
    }

    private Decoded.Status status(JsonNode root, String deviceId) throws Rejection {
        return new Decoded.Status(seq(root), ts(root, deviceId), root.get("online").asBoolean(), text(root, "reason"),
                integer(root, "battery"), integer(root, "signal"), text(root, "firmware"));
    }

    private Decoded telemetry(JsonNode root, DeviceType deviceType, String deviceId) throws Rejection {
        long seq = seq(root);
        Instant ts = ts(root, deviceId);
        return switch (deviceType) {
            case BED_SENSOR -> {
                List<Decoded.BedVitals.Sample> samples = new ArrayList<>();
                for (JsonNode sample : root.get("samples")) {
                    samples.add(new Decoded.BedVitals.Sample(sample.get("dtMs").asLong(), integer(sample, "hr"),
                            integer(sample, "rr"), sample.get("inBed").asBoolean(), integer(sample, "move")));
                }
                yield new Decoded.BedVitals(seq, ts, samples);
            }
            case SOS_BUTTON -> {
                JsonNode location = root.get("location");
                yield new Decoded.ButtonBeat(seq, ts, root.get("battery").asInt(), integer(root, "signal"),
                        geo(location), location == null ? null : number(location, "accuracyM"));
            }
            case NURSERY_CAMERA -> new Decoded.CameraBeat(seq, ts, root.get("fps").asDouble(),
                    root.get("bitrateKbps").asInt(), number(root, "storageDaysLeft"),
                    root.has("recording") ? root.get("recording").asBoolean() : null);
            case CAREGIVER_PHONE -> new Decoded.CaregiverLocation(seq, ts, geo(root),
                    number(root, "accuracyM"), root.has("orderId") ? root.get("orderId").asLong() : null);
        };
    }

    private JsonNode parse(byte[] payload, String deviceId) throws Rejection {
        try {
            JsonNode root = json.readTree(payload);
            if (root == null || root.isMissingNode()) {
                throw new Rejection(DeadLetterReason.MALFORMED_JSON, "empty payload", deviceId);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new Rejection(DeadLetterReason.MALFORMED_JSON, e.getOriginalMessage(), deviceId);
        } catch (IOException e) {
            throw new Rejection(DeadLetterReason.MALFORMED_JSON, e.getMessage(), deviceId);
        }
    }

    private static JsonNode validated(JsonSchema schema, JsonNode root, String deviceId) throws Rejection {
        Set<ValidationMessage> errors = schema.validate(root);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
            throw new Rejection(DeadLetterReason.SCHEMA_VIOLATION, detail, deviceId);
        }
        return root;
    }

    private static long seq(JsonNode root) {
        return root.get("seq").asLong();
    }

    private static Instant ts(JsonNode root, String deviceId) throws Rejection {
        String text = root.get("ts").asText();
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new Rejection(DeadLetterReason.SCHEMA_VIOLATION, "ts is not an RFC 3339 date-time: " + text, deviceId);
        }
    }

    private static GeoPoint geo(JsonNode location) {
        return location == null ? null : new GeoPoint(location.get("lat").asDouble(), location.get("lon").asDouble());
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asDouble();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
