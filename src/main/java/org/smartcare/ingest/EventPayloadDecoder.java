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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;
import org.smartcare.device.GeoPoint;
import org.smartcare.device.EventType;

/** Turns an event payload into a {@link DecodedEvent}, checked against schema/mqtt/event.v1.schema.json. */
@Singleton
public class EventPayloadDecoder {

    static final String SCHEMA = "classpath:mqtt-schema/event.v1.schema.json";

    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final JsonSchema schema;

    public EventPayloadDecoder() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(SCHEMA), config);
    }

    public DecodedEvent decode(byte[] payload, String deviceId) throws Rejection {
        JsonNode root = parse(payload, deviceId);
        Set<ValidationMessage> errors = schema.validate(root);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
            throw new Rejection(DeadLetterReason.SCHEMA_VIOLATION, detail, deviceId);
        }
        EventType type = EventType.fromWireName(root.get("type").asText()).orElseThrow(() ->
                new Rejection(DeadLetterReason.SCHEMA_VIOLATION, "unknown event type", deviceId));
        JsonNode location = root.get("location");
        return new DecodedEvent(root.get("seq").asLong(), timestamp(root.get("ts").asText(), deviceId), type,
                location == null ? null : new GeoPoint(location.get("lat").asDouble(), location.get("lon").asDouble()),
                location == null || !location.has("accuracyM") ? null : location.get("accuracyM").asDouble());
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

    private static java.time.Instant timestamp(String text, String deviceId) throws Rejection {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Rejection(DeadLetterReason.SCHEMA_VIOLATION, "ts is not an RFC 3339 date-time: " + text, deviceId);
        }
    }
}
