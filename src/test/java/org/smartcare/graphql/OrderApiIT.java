package org.smartcare.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartcare.support.Payloads.error;
import static org.smartcare.support.Payloads.ok;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smartcare.care.ElderData;
import org.smartcare.order.Caregiver;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/** Service orders over GraphQL: the workflow with typed refusals, joins, anomalies, scopes and statistics. */
@MicronautTest(environments = "test", transactional = false)
class OrderApiIT {

    private static final String DOC = "service-orders.graphql";
    /** About 500 m north of the fixture elder's home (31.69, 113.38). */
    private static final double AWAY_LAT = 31.6945;

    @Inject Api api;
    @Inject Fixtures fixtures;
    @Inject JdbcOperations jdbc;
    @Inject TransactionOperations<Connection> transactions;

    @Test
    void anOperatorRunsAnOrderFromCreationToAClosedFollowUp() {
        World world = fixtures.world();
        Caregiver caregiver = fixtures.caregiver(world.tenant(), world.institution().id(), "赵护理" + world.tenant(), null);
        String operator = api.token(Role.OPERATOR, world.tenant());
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> input = createInput(world, start, "it-key-" + world.tenant());

        JsonNode created = ok(api.operation(operator, DOC, "Create", Map.of("input", input)), "createServiceOrder");
        String id = created.at("/order/id").asText();
        assertEquals("CREATED", created.at("/order/state").asText());
        JsonNode again = ok(api.operation(operator, DOC, "Create", Map.of("input", input)), "createServiceOrder");
        assertEquals(id, again.at("/order/id").asText(), "same key, same order");
        Map<String, Object> other = new HashMap<>(input);
        other.put("type", "MEAL");
        assertEquals("IDEMPOTENCY_CONFLICT", error(api.operation(operator, DOC, "Create", Map.of("input", other)),
                "createServiceOrder"));

        Map<String, Object> far = fix(start.plusSeconds(60), AWAY_LAT, 113.38);
        assertEquals("ILLEGAL_TRANSITION", error(api.operation(operator, DOC, "CheckIn", Map.of("id", id, "fix", far)),
                "checkIn"), "not assigned yet");
        ok(api.operation(operator, DOC, "Assign", Map.of("id", id, "caregiver", caregiverId(caregiver))),
                "assignServiceOrder");
        ok(api.operation(operator, DOC, "Travel", Map.of("id", id)), "startServiceOrderTravel");
        JsonNode in = ok(api.operation(operator, DOC, "CheckIn", Map.of("id", id, "fix", far)), "checkIn");
        assertEquals("IN_SERVICE", in.at("/order/state").asText());
        assertEquals(Set.of("CHECK_IN_FAR_FROM_HOME"), kinds(in.at("/order/anomalies")));
        JsonNode out = ok(api.operation(operator, DOC, "CheckOut",
                Map.of("id", id, "fix", fix(start.plusSeconds(60 + 600), AWAY_LAT, 113.38))), "checkOut");
        assertEquals(Set.of("CHECK_IN_FAR_FROM_HOME", "SHORT_SERVICE"), kinds(out.at("/order/anomalies")));
        assertEquals(10.0, out.at("/order/minutesInService").asDouble(), 0.001);

        JsonNode rated = ok(api.operation(operator, DOC, "Rate", Map.of("id", id, "score", 2)), "rateServiceOrder");
        assertEquals("RATED", rated.at("/order/state").asText());
        String followUp = rated.at("/followUp/id").asText();
        assertFalse(followUp.isEmpty(), "a bad rating opens a follow-up");
        JsonNode closed = api.operation(operator, DOC, "CloseFollowUp", Map.of("id", followUp, "note", "  "));
        assertEquals("INVALID_INPUT", closed.at("/data/closeFollowUp/error/code").asText());
        closed = api.operation(operator, DOC, "CloseFollowUp", Map.of("id", followUp, "note", "已培训护理员准时上门"));
        assertEquals("已培训护理员准时上门", closed.at("/data/closeFollowUp/followUp/correctiveNote").asText());

        JsonNode order = api.operation(operator, DOC, "Order", Map.of("id", id)).at("/data/serviceOrder");
        assertEquals(world.elder().name(), order.at("/elder/name").asText());
        assertEquals(world.institution().name(), order.at("/institution/name").asText());
        assertEquals(caregiver.name(), order.at("/caregiver/name").asText());
        assertEquals("13907220000", order.at("/caregiver/phone").asText(), "operators see phone numbers");
        assertEquals(2, order.at("/rating/score").asInt());
        assertEquals(AWAY_LAT, order.at("/checkIn/location/latitude").asDouble(), 1e-9);
        assertTrue(order.at("/track").isArray());
        assertEquals(6, order.at("/history").size(), "created, assigned, en route, in service, completed, rated");
        assertEquals("FAMILY_REQUEST", order.at("/origin").asText());
    }

    @Test
    void partnersReadMaskedAndMayNotChangeAnythingAndOtherTenantsSeeNothing() {
        World world = fixtures.world();
        Caregiver caregiver = fixtures.caregiver(world.tenant(), world.institution().id(), "孙护理" + world.tenant(), null);
        String operator = api.token(Role.OPERATOR, world.tenant());
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = ok(api.operation(operator, DOC, "Create",
                Map.of("input", createInput(world, start, "k1"))), "createServiceOrder").at("/order/id").asText();
        ok(api.operation(operator, DOC, "Assign", Map.of("id", id, "caregiver", caregiverId(caregiver))),
                "assignServiceOrder");

        String partner = api.token(Role.PARTNER, world.tenant());
        assertTrue(api.operation(partner, DOC, "Order", Map.of("id", id)).at("/data/serviceOrder").isNull(),
                "without the elder's consent a partner sees nothing");
        fixtures.partnerConsent(world.tenant(), world.elder().id(), ElderData.ORDERS);
        assertEquals("FORBIDDEN", error(api.operation(partner, DOC, "Cancel", Map.of("id", id)), "cancelServiceOrder"));
        JsonNode seen = api.operation(partner, DOC, "Order", Map.of("id", id)).at("/data/serviceOrder");
        assertEquals("ASSIGNED", seen.at("/state").asText());
        assertEquals("139******00", seen.at("/caregiver/phone").asText());
        assertTrue(seen.at("/elder/nationalId").asText().contains("*"));
        assertTrue(seen.at("/track").isNull(), "no locations for partners");

        World elsewhere = fixtures.world();
        assertTrue(api.operation(api.token(Role.OPERATOR, elsewhere.tenant()), DOC, "Order", Map.of("id", id))
                .at("/data/serviceOrder").isNull());
        assertEquals("NOT_FOUND", error(api.operation(api.token(Role.OPERATOR, elsewhere.tenant()), DOC, "Cancel",
                Map.of("id", id)), "cancelServiceOrder"));
        String otherStaff = api.staffToken(world.tenant(), elsewhere.institution().id());
        assertTrue(api.operation(otherStaff, DOC, "Order", Map.of("id", id)).at("/data/serviceOrder").isNull());
        String ownStaff = api.staffToken(world.tenant(), world.institution().id());
        assertEquals(id, api.operation(ownStaff, DOC, "Order", Map.of("id", id)).at("/data/serviceOrder/id").asText());

        JsonNode family = api.operation(api.token(Role.FAMILY, world.tenant()), DOC, "Order", Map.of("id", id));
        assertTrue(family.at("/data/serviceOrder").isNull(), "a family member not linked to the elder sees nothing");

        JsonNode cancelled = ok(api.operation(ownStaff, DOC, "Cancel", Map.of("id", id)), "cancelServiceOrder");
        assertEquals("CANCELLED", cancelled.at("/order/state").asText());
        assertEquals("ILLEGAL_TRANSITION", error(api.operation(ownStaff, DOC, "Cancel", Map.of("id", id)),
                "cancelServiceOrder"));
    }

    @Test
    void listsPageAndJoinAndStatisticsCount() {
        World world = fixtures.world();
        Caregiver caregiver = fixtures.caregiver(world.tenant(), world.institution().id(), "周护理" + world.tenant(), null);
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "INSERT INTO elder_hardship (elder_id, category) VALUES (?, 'EXTREME_POVERTY')", statement -> {
                    statement.setLong(1, world.elder().id());
                    return statement.executeUpdate();
                }));
        String operator = api.token(Role.OPERATOR, world.tenant());
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String visit = null;
        for (int i = 0; i < 3; i++) {
            Map<String, Object> input = createInput(world, start.plusSeconds(i * 7200L), "list-" + i);
            input.put("type", "VISIT");
            String id = ok(api.operation(operator, DOC, "Create", Map.of("input", input)), "createServiceOrder")
                    .at("/order/id").asText();
            if (i == 0) {
                visit = id;
            }
        }
        ok(api.operation(operator, DOC, "Assign", Map.of("id", visit, "caregiver", caregiverId(caregiver))),
                "assignServiceOrder");
        ok(api.operation(operator, DOC, "Travel", Map.of("id", visit)), "startServiceOrderTravel");
        ok(api.operation(operator, DOC, "CheckIn", Map.of("id", visit, "fix", fix(start.plusSeconds(30), 31.69, 113.38))),
                "checkIn");
        ok(api.operation(operator, DOC, "CheckOut",
                Map.of("id", visit, "fix", fix(start.plusSeconds(30 + 1500), 31.69, 113.38))), "checkOut");

        JsonNode page1 = api.operation(operator, DOC, "Orders", Map.of("first", 2)).at("/data/serviceOrders");
        assertEquals(2, page1.at("/edges").size());
        assertTrue(page1.at("/pageInfo/hasNextPage").asBoolean());
        JsonNode page2 = api.operation(operator, DOC, "Orders",
                Map.of("first", 2, "after", page1.at("/pageInfo/endCursor").asText())).at("/data/serviceOrders");
        assertEquals(1, page2.at("/edges").size());
        assertEquals(visit, page2.at("/edges/0/node/id").asText(), "latest scheduled first");
        JsonNode completed = api.operation(operator, DOC, "Orders",
                Map.of("filter", Map.of("state", java.util.List.of("COMPLETED")))).at("/data/serviceOrders/edges");
        assertEquals(1, completed.size());

        JsonNode nested = api.operation(operator, DOC, "Nested", Map.of(
                "elder", GlobalId.encode("Elder", world.elder().id()),
                "institution", GlobalId.encode("Institution", world.institution().id()))).at("/data");
        assertEquals(3, nested.at("/elder/serviceOrders").size());
        assertEquals(1, nested.at("/institution/serviceOrders").size());

        JsonNode stats = api.operation(operator, DOC, "Stats", Map.of("from", start.minusSeconds(3600).toString(),
                "to", start.plusSeconds(86_400).toString(), "region", "421300")).at("/data/orderStats");
        assertEquals(3, stats.at("/total").asInt(), stats.toString());
        assertEquals(1, stats.at("/checkedIn").asInt());
        assertEquals(1.0, stats.at("/onTimeRate").asDouble(), 1e-9);
        assertEquals(0.0, stats.at("/anomalyRate").asDouble(), 1e-9);
        JsonNode month = stats.at("/monthlyVisitCoverage/0");
        assertEquals(1, month.at("/eligible").asInt(), stats.toString());
        assertEquals(1, month.at("/visited").asInt());
    }

    private static Map<String, Object> createInput(World world, Instant start, String key) {
        Map<String, Object> input = new HashMap<>();
        input.put("type", "BATH");
        input.put("elder", GlobalId.encode("Elder", world.elder().id()));
        input.put("institution", GlobalId.encode("Institution", world.institution().id()));
        input.put("scheduledStart", start.toString());
        input.put("scheduledEnd", start.plusSeconds(3600).toString());
        input.put("priceFen", 5000);
        input.put("subsidyFen", 3000);
        input.put("idempotencyKey", key);
        return input;
    }

    private static Map<String, Object> fix(Instant at, double lat, double lon) {
        return Map.of("at", at.toString(), "latitude", lat, "longitude", lon, "accuracyM", 10.0);
    }

    private static String caregiverId(Caregiver caregiver) {
        return GlobalId.encode("Caregiver", caregiver.id());
    }

    private static Set<String> kinds(JsonNode anomalies) {
        Set<String> kinds = new HashSet<>();
        anomalies.forEach(a -> kinds.add(a.get("kind").asText()));
        return kinds;
    }
}
