package org.smartcare.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Validates payloads against the device message schemas in the repository's {@code schema/mqtt/}, the
 * same files the service validates against. Their {@code https://smartcare.example/schema/mqtt/} ids
 * map to that folder, so nothing is fetched over the network.
 */
final class PayloadSchemas {

    static final String ID_PREFIX = "https://smartcare.example/schema/mqtt/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;

    private PayloadSchemas(Path dir) {
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(m -> m.mapPrefix(ID_PREFIX, dir.toUri().toString())));
        // "format" only annotates by default in 2020-12; the service checks ts as a date-time, so do we.
        this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    }

    /** The schemas of this checkout: {@code -Dsmartcare.schema.dir} (set by the pom), else {@code ../schema/mqtt}. */
    static PayloadSchemas fromRepository() {
        Path dir = Path.of(System.getProperty("smartcare.schema.dir", "../schema/mqtt")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("event.v1.schema.json"))) {
            throw new IllegalStateException("no event.v1.schema.json in " + dir);
        }
        return new PayloadSchemas(dir);
    }

    /** Validation errors of {@code payload} against {@code schemaFile} (e.g. event.v1.schema.json); empty when valid. */
    List<String> errors(String schemaFile, byte[] payload) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(ID_PREFIX + schemaFile), config);
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("payload is not JSON", e);
        }
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    List<String> eventErrors(byte[] payload) {
        return errors("event.v1.schema.json", payload);
    }
}
