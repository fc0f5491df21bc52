package org.smartcare.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartcare.support.Payloads.error;
import static org.smartcare.support.Payloads.ok;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcare.care.ElderData;
import org.smartcare.order.Actor;
import org.smartcare.order.Caregiver;
import org.smartcare.order.FollowUp;
import org.smartcare.order.LocationFix;
import org.smartcare.order.NewOrder;
import org.smartcare.order.OrderOrigin;
import org.smartcare.order.OrderState;
import org.smartcare.order.Orders;
import org.smartcare.order.PlanSchedule;
import org.smartcare.order.ServiceOrder;
import org.smartcare.order.ServiceOrders;
import org.smartcare.order.ServiceType;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/** Recurring plans and the follow-up list over GraphQL: commands with typed refusals, generation, scopes. */
@MicronautTest(environments = "test", transactional = false)
class PlanApiIT {

    private static final String DOC = "service-plans.graphql";

    @Inject Api api;
    @Inject Fixtures fixtures;
    @Inject Orders orders;
    @Inject ServiceOrders service;
    @Inject PlanSchedule schedule;
    @Inject JdbcOperations jdbc;
    @Inject TransactionOperations<Connection> transactions;

    @Test
    void aPlanGeneratesItsOrdersOnceAndEndingItCancelsTheUnstartedLaterOnes() {
        World world = fixtures.world();
        String operator = api.token(Role.OPERATOR, world.tenant());
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<String, Object> input = planInput(world, "WEEKLY(THU,MON)", monday, "plan-" + world.tenant());

        JsonNode created = ok(api.operation(operator, DOC, "CreatePlan", Map.of("input", input)), "createServicePlan");
        String planId = created.at("/plan/id").asText();
        assertEquals("WEEKLY(MON,THU)", created.at("/plan/recurrence").asText(), "stored in its canonical form");
        assertEquals("09:30", created.at("/plan/timeOfDay").asText());
        assertEquals(ServiceType.MEAL.defaultStandard().toMinutes(), created.at("/plan/durationMinutes").asLong(),
                "no duration given: the type's standard");
        assertTrue(created.at("/plan/active").asBoolean());
        assertEquals(world.elder().name(), created.at("/plan/elder/name").asText());
        assertEquals(planId, ok(api.operation(operator, DOC, "CreatePlan", Map.of("input", input)), "createServicePlan")
                .at("/plan/id").asText(), "same key, same plan");
        Map<String, Object> changed = new HashMap<>(input);
        changed.put("timeOfDay", "10:00");
        assertEquals("IDEMPOTENCY_CONFLICT", error(api.operation(operator, DOC, "CreatePlan", Map.of("input", changed)),
                "createServicePlan"));
        assertEquals("INVALID_INPUT", error(api.operation(operator, DOC, "CreatePlan",
                Map.of("input", planInput(world, "FORTNIGHTLY", monday, null))), "createServicePlan"));
        Map<String, Object> badTime = planInput(world, "DAILY", monday, null);
        badTime.put("timeOfDay", "25:00");
        assertEquals("INVALID_INPUT", error(api.operation(operator, DOC, "CreatePlan", Map.of("input", badTime)),
                "createServicePlan"));
        Map<String, Object> badSubsidy = planInput(world, "DAILY", monday, null);
        badSubsidy.put("subsidyFen", 9000);
        assertEquals("INVALID_INPUT", error(api.operation(operator, DOC, "CreatePlan", Map.of("input", badSubsidy)),
                "createServicePlan"), "subsidy above price");

        Map<String, Object> twoWeeks = Map.of("from", monday.toString(), "to", monday.plusDays(13).toString());
        assertEquals(4, ok(api.operation(operator, DOC, "Generate", twoWeeks), "generatePlannedOrders").at("/created").asInt());
        assertEquals(0, ok(api.operation(operator, DOC, "Generate", twoWeeks), "generatePlannedOrders").at("/created").asInt());
        assertEquals("INVALID_INPUT", error(api.operation(operator, DOC, "Generate",
                Map.of("from", monday.toString(), "to", monday.minusDays(1).toString())), "generatePlannedOrders"));

        JsonNode listed = api.operation(operator, DOC, "Plans", Map.of("filter", Map.of("active", true)))
                .at("/data/servicePlans/edges/0/node");
        assertEquals(planId, listed.at("/id").asText());
        assertEquals(monday.plusDays(13).toString(), listed.at("/generatedThrough").asText());
        assertEquals(4, listed.at("/orders").size());
        listed.at("/orders").forEach(order -> assertEquals("PLANNED", order.at("/origin").asText()));
        assertEquals(planId, api.operation(operator, DOC, "ElderPlans",
                Map.of("elder", GlobalId.encode("Elder", world.elder().id()))).at("/data/node/servicePlans/0/id").asText());

        JsonNode ended = ok(api.operation(operator, DOC, "EndPlan", Map.of("id", planId,
                "lastDay", monday.plusDays(3).toString(), "reason", "老人入住机构")), "endServicePlan");
        assertEquals(false, ended.at("/plan/active").asBoolean());
        assertEquals(monday.plusDays(3).toString(), ended.at("/plan/endsOn").asText());
        assertEquals("老人入住机构", ended.at("/plan/endedReason").asText());
        assertEquals(2, ended.at("/cancelledOrders").size(), "the second week's Monday and Thursday");
        ended.at("/cancelledOrders").forEach(order -> assertEquals("CANCELLED", order.at("/state").asText()));
        JsonNode again = ok(api.operation(operator, DOC, "EndPlan", Map.of("id", planId)), "endServicePlan");
        assertEquals(monday.plusDays(3).toString(), again.at("/plan/endsOn").asText(), "a retried end changes nothing");
        assertEquals(0, again.at("/cancelledOrders").size());
        assertEquals(0, ok(api.operation(operator, DOC, "Generate", Map.of("from", monday.toString(),
                "to", monday.plusDays(20).toString())), "generatePlannedOrders").at("/created").asInt(),
                "an ended plan generates nothing");
        assertEquals(1, api.operation(operator, DOC, "Plans", Map.of("filter", Map.of("active", false)))
                .at("/data/servicePlans/edges").size());
    }

    @Test
    void plansAreScopedLikeOrdersAndOnlyOperatorsAndStaffChangeThem() {
        World world = fixtures.world();
        String operator = api.token(Role.OPERATOR, world.tenant());
        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        String planId = ok(api.operation(operator, DOC, "CreatePlan",
                Map.of("input", planInput(world, "MONTHLY(31)", start, null))), "createServicePlan").at("/plan/id").asText();

        String partner = api.token(Role.PARTNER, world.tenant());
        assertEquals(0, api.operation(partner, DOC, "Plans", Map.of()).at("/data/servicePlans/edges").size(),
                "without the elder's consent a partner sees no plan");
        fixtures.partnerConsent(world.tenant(), world.elder().id(), ElderData.ORDERS);
        assertEquals(planId, api.operation(partner, DOC, "Plans", Map.of()).at("/data/servicePlans/edges/0/node/id").asText());
        assertEquals("FORBIDDEN", error(api.operation(partner, DOC, "EndPlan", Map.of("id", planId)), "endServicePlan"));
        assertEquals("FORBIDDEN", error(api.operation(partner, DOC, "CreatePlan",
                Map.of("input", planInput(world, "DAILY", start, null))), "createServicePlan"));

        World elsewhere = fixtures.world();
        String stranger = api.token(Role.OPERATOR, elsewhere.tenant());
        assertEquals(0, api.operation(stranger, DOC, "Plans", Map.of()).at("/data/servicePlans/edges").size());
        assertEquals("NOT_FOUND", error(api.operation(stranger, DOC, "EndPlan", Map.of("id", planId)), "endServicePlan"));
        assertEquals("NOT_FOUND", error(api.operation(stranger, DOC, "CreatePlan",
                Map.of("input", planInput(world, "DAILY", start, null))), "createServicePlan"), "another tenant's elder");

        String otherStaff = api.staffToken(world.tenant(), elsewhere.institution().id());
        assertEquals(0, api.operation(otherStaff, DOC, "Plans", Map.of()).at("/data/servicePlans/edges").size());
        assertEquals("FORBIDDEN", error(api.operation(otherStaff, DOC, "CreatePlan",
                Map.of("input", planInput(world, "DAILY", start, null))), "createServicePlan"));
        String ownStaff = api.staffToken(world.tenant(), world.institution().id());
        assertEquals("FORBIDDEN", error(api.operation(ownStaff, DOC, "Generate",
                Map.of("from", start.toString(), "to", start.toString())), "generatePlannedOrders"));
        assertEquals(false, ok(api.operation(ownStaff, DOC, "EndPlan", Map.of("id", planId)), "endServicePlan")
                .at("/plan/active").asBoolean());

        JsonNode family = api.operation(api.token(Role.FAMILY, world.tenant()), DOC, "Plans", Map.of());
        assertEquals(0, family.at("/data/servicePlans/edges").size(), "a family member not linked sees no plan");
        JsonNode tooMany = api.refused(operator, DOC, "Plans", Map.of("first", 0));
        assertEquals("BAD_USER_INPUT", tooMany.at("/errors/0/extensions/code").asText(), tooMany.toString());
    }

    @Test
    void theScheduledRunKeepsUpcomingDaysGeneratedExactlyOnce() {
        World world = fixtures.world();
        String operator = api.token(Role.OPERATOR, world.tenant());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String planId = ok(api.operation(operator, DOC, "CreatePlan",
                Map.of("input", planInput(world, "DAILY", today, null))), "createServicePlan").at("/plan/id").asText();
        long plan = GlobalId.decode(planId).longKey();

        schedule.run();
        List<ServiceOrder> generated = orders.findByPlanIdOrderByPlanDate(plan);
        assertEquals(List.of(today, today.plusDays(1), today.plusDays(2)),
                generated.stream().map(ServiceOrder::planDate).toList(), "today and the default two-day horizon");
        schedule.run();
        assertEquals(3, orders.findByPlanIdOrderByPlanDate(plan).size(), "a second run adds nothing");
    }

    @Test
    void supervisorsSeeFollowUpsMostOverdueFirstWithTheirOrders() {
        World world = fixtures.world();
        Caregiver caregiver = fixtures.caregiver(world.tenant(), world.institution().id(), "钱护理" + world.tenant(), null);
        Actor actor = Actor.of("it-supervisor", world.tenant());
        long late = ratedOrder(world, caregiver, actor, 1);
        long fresh = ratedOrder(world, caregiver, actor, 2);
        long closed = ratedOrder(world, caregiver, actor, 1);
        ratedOrder(world, caregiver, actor, 5);
        transactions.executeWrite(status -> jdbc.prepareStatement("""
                UPDATE rating_follow_up SET opened_at = ?, due_at = ? WHERE order_id = ?""", statement -> {
            statement.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(5))));
            statement.setTimestamp(2, Timestamp.from(Instant.now().minus(Duration.ofDays(2))));
            statement.setLong(3, late);
            return statement.executeUpdate();
        }));
        long followUpId = transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT id FROM rating_follow_up WHERE order_id = ?", statement -> {
                    statement.setLong(1, closed);
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                }));
        FollowUp toClose = service.closeFollowUp(followUpId, "已整改", actor);
        assertTrue(toClose.closedAt() != null);

        String operator = api.token(Role.OPERATOR, world.tenant());
        JsonNode all = api.operation(operator, DOC, "FollowUps", Map.of()).at("/data/followUps/edges");
        assertEquals(3, all.size(), "one per bad rating (score <= 2), none for the 5");
        assertEquals(orderId(late), all.at("/0/node/order/id").asText(), "the most overdue first");
        assertTrue(all.at("/0/node/overdue").asBoolean());
        assertEquals(1, all.at("/0/node/order/rating/score").asInt());

        JsonNode overdue = api.operation(operator, DOC, "FollowUps", Map.of("filter", Map.of("overdue", true)))
                .at("/data/followUps/edges");
        assertEquals(1, overdue.size());
        assertEquals(orderId(late), overdue.at("/0/node/order/id").asText());
        JsonNode open = api.operation(operator, DOC, "FollowUps", Map.of("filter", Map.of("open", true)))
                .at("/data/followUps/edges");
        assertEquals(List.of(orderId(late), orderId(fresh)),
                List.of(open.at("/0/node/order/id").asText(), open.at("/1/node/order/id").asText()));
        JsonNode done = api.operation(operator, DOC, "FollowUps", Map.of("filter", Map.of("open", false)))
                .at("/data/followUps/edges");
        assertEquals("已整改", done.at("/0/node/correctiveNote").asText());

        JsonNode page1 = api.operation(operator, DOC, "FollowUps", Map.of("first", 2)).at("/data/followUps");
        assertTrue(page1.at("/pageInfo/hasNextPage").asBoolean());
        JsonNode page2 = api.operation(operator, DOC, "FollowUps",
                Map.of("first", 2, "after", page1.at("/pageInfo/endCursor").asText())).at("/data/followUps/edges");
        assertEquals(1, page2.size());

        World elsewhere = fixtures.world();
        assertEquals(0, api.operation(api.token(Role.OPERATOR, elsewhere.tenant()), DOC, "FollowUps", Map.of())
                .at("/data/followUps/edges").size());
        assertEquals(0, api.operation(api.staffToken(world.tenant(), elsewhere.institution().id()), DOC, "FollowUps",
                Map.of()).at("/data/followUps/edges").size());
    }

    private long ratedOrder(World world, Caregiver caregiver, Actor actor, int score) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long id = service.create(new NewOrder(world.tenant(), ServiceType.CLEANING, world.elder().id(),
                world.institution().id(), start, start.plusSeconds(3600), OrderOrigin.FAMILY_REQUEST, null, 0, 0, null),
                actor).id();
        service.assign(id, caregiver.id(), actor, null);
        service.startTravel(id, actor);
        service.checkIn(id, LocationFix.of(start.plusSeconds(5), 31.69, 113.38), actor);
        ServiceOrder out = service.checkOut(id, LocationFix.of(start.plusSeconds(3000), 31.69, 113.38), actor);
        assertEquals(OrderState.COMPLETED, out.state());
        service.rate(id, score, "score " + score, actor);
        return id;
    }

    private static String orderId(long id) {
        return GlobalId.encode("ServiceOrder", id);
    }

    private static Map<String, Object> planInput(World world, String recurrence, LocalDate startsOn, String key) {
        Map<String, Object> input = new HashMap<>();
        input.put("type", "MEAL");
        input.put("elder", GlobalId.encode("Elder", world.elder().id()));
        input.put("institution", GlobalId.encode("Institution", world.institution().id()));
        input.put("recurrence", recurrence);
        input.put("timeOfDay", "09:30");
        input.put("priceFen", 1500);
        input.put("subsidyFen", 1000);
        input.put("startsOn", startsOn.toString());
        if (key != null) {
            input.put("idempotencyKey", key);
        }
        return input;
    }
}
