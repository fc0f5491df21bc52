package org.smartcare.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.introspection.IntrospectionQueryBuilder;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Definition;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.DirectiveInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcare.security.Role;
import org.smartcare.support.Api;

/**
 * What a client's tooling sees is the contract: the running service, introspected over HTTP with the full
 * query tools send, serves exactly the schema the SDL files declare (wiring that drops, adds or redescribes
 * anything fails here).
 */
@MicronautTest(environments = "test", transactional = false)
class RunningSchemaIT {

    private static final String FULL_INTROSPECTION = IntrospectionQueryBuilder.build(
            IntrospectionQueryBuilder.Options.defaultOptions()
                    .descriptions(true)
                    .specifiedByUrl(true)
                    .directiveIsRepeatable(true)
                    .schemaDescription(true)
                    .inputValueDeprecation(true));

    @Inject Api api;

    @Test
    void theRunningServiceServesTheSdlFiles() throws Exception {
        HttpResponse<String> response = api.post(api.token(Role.PARTNER, "schema-it"), Api.GRAPHQL_RESPONSE,
                Api.JSON.writeValueAsString(Map.of("query", FULL_INTROSPECTION)));
        assertEquals(200, response.statusCode(), "the introspection query tools send is refused: " + response.body());
        JsonNode body = Api.JSON.readTree(response.body());
        assertTrue(body.path("errors").isMissingNode(), response.body());

        String served = ContractSchema.print(fromIntrospection(body.path("data")));
        String declared = ContractSchema.print(ContractSchema.declared());
        assertTrue(served.equals(declared), "- declared in schema/graphql, + served by the running service:\n"
                + LineDiff.of(declared, served, 3));
    }

    @SuppressWarnings("unchecked")
    private static GraphQLSchema fromIntrospection(JsonNode data) {
        Document document = new IntrospectionResultToSchema()
                .createSchemaDefinition(Api.JSON.convertValue(data, Map.class));
        // The spec's own directives come back from introspection but are no part of our SDL.
        List<Definition> ours = document.getDefinitions().stream()
                .filter(definition -> !(definition instanceof DirectiveDefinition directive
                        && DirectiveInfo.isGraphqlSpecifiedDirective(directive.getName())))
                .toList();
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().buildRegistry(document.transform(builder -> builder.definitions(ours))));
        // The conversion drops the schema's own description; carry over what the service served.
        JsonNode description = data.path("__schema").path("description");
        return schema.transform(builder -> builder.description(description.isTextual() ? description.asText() : null));
    }
}
