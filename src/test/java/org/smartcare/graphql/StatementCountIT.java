package org.smartcare.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartcare.alert.AlertEngine;
import org.smartcare.alert.AlertScope;
import org.smartcare.alert.AlertTrigger;
import org.smartcare.alert.AlertWorkflow;
import org.smartcare.alert.Dispatch;
import org.smartcare.care.Elder;
import org.smartcare.care.Institution;
import org.smartcare.device.DeviceDirectory;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.device.EventType;
import org.smartcare.security.Role;
import org.smartcare.support.Api;
import org.smartcare.support.CountingDriver;
import org.smartcare.support.CountingDriver.Executed;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;
import org.smartcare.support.GraphQLWsClient;
import org.smartcare.support.Resources;

/**
 * The operator's alert board costs the same few SQL statements for 5 alerts as for 50: every association
 * (elder, contacts, institution, region, device, device state, orders, caregivers) is batched per level, not
 * fetched per alert. The service's data source runs through {@link CountingDriver}, which also shows that no
 * statement of a request, over HTTP or graphql-ws, runs on a Netty event-loop thread.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementCountIT implements TestPropertyProvider {

    private static final int BOARD = 50;
    /** The alert page, one batch per association level of the board query, and the audit of the reads. */
    private static final int MAX_STATEMENTS = 12;

    @Inject Api api;
    @Inject Fixtures fixtures;
    @Inject AlertEngine engine;
    @Inject AlertWorkflow workflow;
    @Inject TransactionOperations<Connection> transactions;
    @Inject DeviceDirectory directory;

    @Override
    public Map<String, String> getProperties() {
        String url = System.getenv().getOrDefault("SMARTCARE_DB_URL", "jdbc:postgresql://127.0.0.1:55432/smartcare");
        return Map.of("datasources.default.url", CountingDriver.wrap(url),
                "datasources.default.driver-class-name", CountingDriver.class.getName());
    }

    private World board;

    @Test
    void theAlertBoardCostsTheSameStatementsFor5AndFor50Alerts() {
        String operator = api.token(Role.OPERATOR, board().tenant());

        List<Executed> five = cheapestOf(3, operator, 5);
        List<Executed> fifty = cheapestOf(3, operator, BOARD);

        assertEquals(five.size(), fifty.size(), "statements for 5 alerts:\n" + describe(five)
                + "\nstatements for 50 alerts:\n" + describe(fifty));
        assertTrue(fifty.size() <= MAX_STATEMENTS, fifty.size() + " statements:\n" + describe(fifty));
        assertNoneOnTheEventLoop(fifty);
    }

    @ParameterizedTest
    @CsvSource({"order-list.graphql, serviceOrders, service_order", "device-list.graphql, devices, device"})
    void otherListsCostTheSameStatementsFor5AndFor50(String document, String root, String table) {
        String operator = api.token(Role.OPERATOR, board().tenant());
        List<Executed> five = cheapestOf(3, operator, document, root, 5);
        List<Executed> fifty = cheapestOf(3, operator, document, root, BOARD);
        assertEquals(five.size(), fifty.size(), "statements for 5:\n" + describe(five)
                + "\nstatements for 50:\n" + describe(fifty));
        assertNoneOnTheEventLoop(fifty, table);
    }

    @Test
    void overGraphqlWsTheBoardAlsoRunsOnVirtualThreads() throws Exception {
        String operator = api.token(Role.OPERATOR, board().tenant());
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri())) {
            ws.init(operator);
            assertEquals("connection_ack", ws.next(Duration.ofSeconds(5)).path("type").asText());
            CountingDriver.reset();
            ws.subscribe("board", Resources.text("graphql/operator-board.graphql"), Map.of("first", BOARD));
            JsonNode next = ws.next(Duration.ofSeconds(10));
            List<Executed> executed = requestWork(CountingDriver.executed());
            assertEquals(BOARD, next.path("payload").path("data").path("alerts").path("edges").size(), next.toString());
            assertTrue(executed.size() <= MAX_STATEMENTS, executed.size() + " statements:\n" + describe(executed));
            assertNoneOnTheEventLoop(executed);
        }
    }

    @Test
    void subscriptionEventsLoadTheirAssociationsOffTheEventLoop() throws Exception {
        World world = board();
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri())) {
            ws.init(api.token(Role.OPERATOR, world.tenant()));
            assertEquals("connection_ack", ws.next(Duration.ofSeconds(5)).path("type").asText());
            ws.subscribe("raised", "subscription { alertRaised { id elder { name emergencyContacts { name } }"
                    + " institution { name } device { deviceId status { online } } } }", Map.of());
            Thread.sleep(500); // the subscription is registered once its first request has been made
            CountingDriver.reset();
            IssuedDevice button = fixtures.device(world.tenant(), world.buttonId() + "-sub", DeviceType.SOS_BUTTON,
                    world.elder().id());
            transactions.executeWrite(status -> engine.onEvent(
                    new AlertTrigger(button.device(), EventType.SOS_PRESS, System.nanoTime(), Instant.now(), null)));
            JsonNode event = ws.next(Duration.ofSeconds(10));
            assertTrue(event != null && event.path("payload").path("data").path("alertRaised").path("elder")
                    .path("name").isTextual(), String.valueOf(event));
            List<Executed> onEventLoop = CountingDriver.executed().stream().filter(StatementCountIT::onEventLoop).toList();
            assertTrue(onEventLoop.isEmpty(), "blocking JDBC on the Netty event loop:\n" + describe(onEventLoop));
        }
    }

    /**
     * An SOS's way to the operator has no query for its device: the ingest looked the button up in the directory a
     * moment before, and the subscription's device comes from there (it runs its loaders on Reactor's bounded-elastic
     * threads, where nothing else of the service runs statements).
     */
    @Test
    void aRaisedAlertsDeviceComesFromTheDirectory() throws Exception {
        World world = board();
        try (GraphQLWsClient ws = new GraphQLWsClient(api.wsUri())) {
            ws.init(api.token(Role.OPERATOR, world.tenant()));
            assertEquals("connection_ack", ws.next(Duration.ofSeconds(5)).path("type").asText());
            ws.subscribe("raised", "subscription { alertRaised { id device { deviceId type } } }", Map.of());
            Thread.sleep(500);
            IssuedDevice button = fixtures.device(world.tenant(), world.buttonId() + "-dir", DeviceType.SOS_BUTTON,
                    world.elder().id());
            assertTrue(directory.find(List.of(button.device().id())).containsKey(button.device().id())); // as the ingest
            CountingDriver.reset();
            transactions.executeWrite(status -> engine.onEvent(
                    new AlertTrigger(button.device(), EventType.SOS_PRESS, System.nanoTime(), Instant.now(), null)));
            JsonNode event = ws.next(Duration.ofSeconds(10));
            JsonNode device = event == null ? null : event.path("payload").path("data").path("alertRaised").path("device");
            assertTrue(device != null && device.path("deviceId").asText().equals(button.device().id())
                    && device.path("type").asText().equals("SOS_BUTTON"), String.valueOf(event));
            List<Executed> deviceReads = CountingDriver.executed().stream()
                    .filter(s -> s.thread().startsWith("boundedElastic") && s.sql() != null
                            && s.sql().toLowerCase(java.util.Locale.ROOT).matches("(?s).*from\\s+\"?device\"?\\s.*"))
                    .toList();
            assertTrue(deviceReads.isEmpty(), "the event read its device from the database:\n" + describe(deviceReads));
        }
    }

    /**
     * The statements a request may have run: those on virtual threads (where the transports execute operations) or on
     * a Netty event loop (where they must not). The counter sees the whole pool; the service's own platform threads
     * (timers, MQTT ingest of whatever other tests publish on the shared broker) are background work.
     */
    private static List<Executed> requestWork(List<Executed> executed) {
        return executed.stream().filter(s -> s.virtual() || onEventLoop(s)).toList();
    }

    private static boolean onEventLoop(Executed statement) {
        return statement.thread().toLowerCase(java.util.Locale.ROOT).contains("eventloop");
    }

    private static void assertNoneOnTheEventLoop(List<Executed> executed) {
        assertNoneOnTheEventLoop(executed, "alert");
    }

    private static void assertNoneOnTheEventLoop(List<Executed> executed, String rootTable) {
        List<Executed> onEventLoop = executed.stream().filter(StatementCountIT::onEventLoop).toList();
        assertTrue(onEventLoop.isEmpty(), "blocking JDBC on the Netty event loop:\n" + describe(onEventLoop));
        assertTrue(executed.stream().anyMatch(s -> s.sql() != null && s.sql().contains(rootTable)),
                "the page itself was not seen on a virtual thread:\n" + describe(executed));
    }

    /** The statements of the cheapest of a few identical requests: background work can only add, never remove. */
    private List<Executed> cheapestOf(int runs, String token, int first) {
        return cheapestOf(runs, token, "operator-board.graphql", "alerts", first);
    }

    private List<Executed> cheapestOf(int runs, String token, String document, String root, int first) {
        List<Executed> cheapest = null;
        for (int run = 0; run < runs; run++) {
            CountingDriver.reset();
            JsonNode response = api.query(token, document, Map.of("first", first));
            List<Executed> executed = requestWork(CountingDriver.executed());
            assertNull(response.get("errors"), response.toString());
            JsonNode edges = response.path("data").path(root).path("edges");
            assertEquals(first, edges.size(), response.toString());
            for (JsonNode edge : root.equals("alerts") ? edges : List.<JsonNode>of()) {
                JsonNode alert = edge.path("node");
                assertTrue(alert.path("elder").path("name").isTextual() && alert.path("institution").path("name").isTextual()
                        && alert.path("device").path("deviceId").isTextual(), alert.toString());
                assertEquals(2, alert.path("elder").path("emergencyContacts").size(), alert.toString());
                assertEquals(1, alert.path("serviceOrders").size(), alert.toString());
            }
            if (cheapest == null || executed.size() < cheapest.size()) {
                cheapest = executed;
            }
        }
        return cheapest;
    }

    private synchronized World board() {
        if (board == null) {
            board = boardOf(BOARD);
        }
        return board;
    }

    /** A tenant with `size` dispatched SOS alerts: each its own button and elder, spread over five institutions. */
    private World boardOf(int size) {
        World world = fixtures.world();
        List<Institution> institutions = new ArrayList<>(List.of(world.institution()));
        for (int i = 1; i < 5; i++) {
            institutions.add(fixtures.institution(world.tenant(), world.buttonId() + "-i" + i));
        }
        for (int i = 0; i < size; i++) {
            Elder elder = fixtures.elder(world.tenant(), institutions.get(i % institutions.size()).id(),
                    world.buttonId() + "-e" + i, 100 + i);
            IssuedDevice button = fixtures.device(world.tenant(), world.buttonId() + "-b" + i, DeviceType.SOS_BUTTON,
                    elder.id());
            long seq = System.nanoTime();
            List<Long> raised = transactions.executeWrite(status -> engine.onEvent(
                    new AlertTrigger(button.device(), EventType.SOS_PRESS, seq, Instant.now(), null)));
            long alert = raised.getFirst();
            workflow.acknowledge(alert, AlertScope.EVERYTHING, "it-operator", null);
            assertNull(workflow.dispatch(alert, AlertScope.EVERYTHING, "it-operator",
                    new Dispatch.Order(Dispatch.OrderKind.EMERGENCY, null, null), null).failure());
        }
        return world;
    }

    private static String describe(List<Executed> statements) {
        return statements.stream().map(s -> "  [" + s.thread() + "] " + oneLine(s.sql()))
                .collect(Collectors.joining("\n"));
    }

    private static String oneLine(String sql) {
        String flat = sql == null ? "(batch)" : sql.replaceAll("\\s+", " ").strip();
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
