package org.smartcare.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The aggregate allows exactly the lifecycle's moves and refuses every other with both states named. */
class ServiceOrderTest {

    private static final Instant LATER = TestOrders.START.plusSeconds(9000);
    private static final LocationFix FIX = new LocationFix(LATER, TestOrders.HOME, 8.0);

    private static final Map<String, Function<ServiceOrder, ServiceOrder>> COMMANDS = Map.of(
            "assign", o -> o.assign(TestOrders.CAREGIVER, LATER),
            "startTravel", o -> o.startTravel(LATER),
            "checkIn", o -> o.checkIn(FIX),
            "checkOut", o -> o.checkOut(FIX),
            "cancel", o -> o.cancel(LATER),
            "rate", o -> o.rate(LATER));

    /** from state, command -> state after; every pair not listed must be refused. */
    private static final Map<String, OrderState> LEGAL = Map.of(
            "CREATED assign", OrderState.ASSIGNED,
            "CREATED cancel", OrderState.CANCELLED,
            "ASSIGNED assign", OrderState.ASSIGNED,
            "ASSIGNED startTravel", OrderState.EN_ROUTE,
            "ASSIGNED cancel", OrderState.CANCELLED,
            "EN_ROUTE checkIn", OrderState.IN_SERVICE,
            "EN_ROUTE cancel", OrderState.CANCELLED,
            "IN_SERVICE checkOut", OrderState.COMPLETED,
            "COMPLETED rate", OrderState.RATED);

    @TestFactory
    Stream<DynamicTest> everyStateAndCommand() {
        List<DynamicTest> tests = new ArrayList<>();
        for (OrderState from : OrderState.values()) {
            for (var command : COMMANDS.entrySet()) {
                String name = from + " " + command.getKey();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    ServiceOrder before = TestOrders.in(from);
                    OrderState expected = LEGAL.get(name);
                    if (expected != null) {
                        ServiceOrder after = command.getValue().apply(before);
                        assertEquals(expected, after.state());
                        assertEquals(LATER, after.updatedAt());
                    } else {
                        OrderFailure refused = assertThrows(OrderFailure.class, () -> command.getValue().apply(before));
                        assertEquals(OrderFailure.Code.ILLEGAL_TRANSITION, refused.code());
                        assertTrue(refused.getMessage().contains(from.name()), refused.getMessage());
                        assertTrue(refused.getMessage().matches(".*from " + from + " to [A-Z_]+"), refused.getMessage());
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theLifecycleKeepsItsFacts() {
        ServiceOrder completed = TestOrders.in(OrderState.COMPLETED);
        assertEquals(TestOrders.CAREGIVER, completed.caregiverId());
        assertEquals(TestOrders.START.plusSeconds(60), completed.travelStartedAt());
        assertEquals(TestOrders.START.plusSeconds(600), completed.checkInAt());
        assertEquals(TestOrders.HOME, completed.checkInPosition());
        assertEquals(TestOrders.START.plusSeconds(4200), completed.checkOutAt());
        assertEquals(60, completed.timeInService().toMinutes());
        assertEquals(2000, completed.payableFen());
        ServiceOrder rated = completed.rate(LATER);
        assertEquals(completed.checkInAt(), rated.checkInAt());
        assertEquals(completed.checkOutPosition(), rated.checkOutPosition());
        assertNull(TestOrders.in(OrderState.ASSIGNED).checkInAt());
        assertNotNull(TestOrders.in(OrderState.CANCELLED).updatedAt());
    }

    @Test
    void checkOutBeforeCheckInIsRefused() {
        ServiceOrder inService = TestOrders.in(OrderState.IN_SERVICE);
        OrderFailure refused = assertThrows(OrderFailure.class, () -> inService.checkOut(
                new LocationFix(inService.checkInAt().minusSeconds(1), TestOrders.HOME, null)));
        assertEquals(OrderFailure.Code.INVALID_INPUT, refused.code());
    }

    @Test
    void newOrdersValidateTheirWindowOriginAndMoney() {
        Instant start = TestOrders.START;
        assertThrows(IllegalArgumentException.class, () -> new NewOrder("t", ServiceType.MEAL, 1, 2, start, start,
                OrderOrigin.FAMILY_REQUEST, null, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new NewOrder("t", ServiceType.MEAL, 1, 2, start,
                TestOrders.END, OrderOrigin.ALERT, null, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new NewOrder("t", ServiceType.MEAL, 1, 2, start,
                TestOrders.END, OrderOrigin.FAMILY_REQUEST, 5L, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new NewOrder("t", ServiceType.MEAL, 1, 2, start,
                TestOrders.END, OrderOrigin.FAMILY_REQUEST, null, 100, 101, null));
        NewOrder dispatch = NewOrder.fromAlert("t", 42, ServiceType.EMERGENCY, 1, 2, start, TestOrders.END);
        assertEquals("alert:42:EMERGENCY", dispatch.idempotencyKey());
    }
}
