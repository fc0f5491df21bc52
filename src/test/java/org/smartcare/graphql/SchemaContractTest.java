package org.smartcare.graphql;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

class SchemaContractTest {

    private final TypeDefinitionRegistry sdl = new SchemaParser().parse(GraphQLFactory.readSdl());

    @Test
    void aRootFieldWithoutAFetcherStopsTheService() {
        FetcherRegistry registry = new FetcherRegistry().field("Query", "alerts", env -> null);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> GraphQLFactory.requireRootFetchers(sdl, registry));
        assertTrue(failure.getMessage().contains("Query.alert"));
        assertTrue(failure.getMessage().contains("Subscription.alertRaised"));
    }

    @Test
    void twoFeaturesCannotClaimOneField() {
        FetcherRegistry registry = new FetcherRegistry().field("Query", "alerts", env -> null);
        assertThrows(IllegalStateException.class, () -> registry.field("Query", "alerts", env -> null));
    }

    @Test
    void cursorsAndIdsAreOpaqueAndRoundTrip() {
        String id = GlobalId.encode("Alert", 42);
        assertTrue(!id.contains("Alert"));
        GlobalId decoded = GlobalId.decode(id);
        assertTrue(decoded.type().equals("Alert") && decoded.longKey() == 42);
        assertThrows(ApiError.class, () -> GlobalId.decode("%%%"));
    }
}
