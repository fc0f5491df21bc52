package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bed sensors' day, buttons' heartbeats and cameras' opening hours, over simulated days. */
class DailyRhythmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 12:00 in Shanghai. */
    private static final Instant NOON = Instant.parse("2026-11-22T04:00:00Z");
    private static OfflineCity beds;

    @BeforeAll
    static void simulateBeds() {
        beds = new OfflineCity(40, 0, 0, 5, CityRates.defaults(), FaultRates.none(), NOON).run(NOON, Duration.ofDays(2));
    }

    @Test
    void nightHeartRateAndRespirationAreLowerThanDaytime() throws Exception {
        double[] night = new double[3];
        double[] day = new double[3];
        for (FaultInjector.Copy copy : beds.published()) {
            if (copy.message().kind() != MessageKind.BED_TELEMETRY) {
                continue;
            }
            JsonNode batch = JSON.readTree(copy.message().payload());
            int hour = java.time.OffsetDateTime.parse(batch.path("ts").asText()).getHour();
            double[] acc = hour >= 0 && hour < 5 ? night : hour >= 9 && hour < 20 ? day : null;
            if (acc == null) {
                continue;
            }
            for (JsonNode s : batch.path("samples")) {
                if (s.path("inBed").asBoolean()) {
                    acc[0] += s.path("hr").asInt();
                    acc[1] += s.path("rr").asInt();
                    acc[2]++;
                }
            }
        }
        double nightHr = night[0] / night[2];
        double dayHr = day[0] / day[2];
        double nightRr = night[1] / night[2];
        double dayRr = day[1] / day[2];
        assertTrue(nightHr >= 55 && nightHr <= 62, "night hr " + nightHr);
        assertTrue(dayHr >= 65 && dayHr <= 85, "day hr " + dayHr);
        assertTrue(nightRr >= 12 && nightRr <= 15, "night rr " + nightRr);
        assertTrue(dayRr >= 14 && dayRr <= 20, "day rr " + dayRr);
        assertTrue(nightHr + 8 < dayHr, nightHr + " vs " + dayHr);
    }

    @Test
    void bedExitsHappenAtNightAndMostlyReturnWithinMinutes() throws Exception {
        int exits = 0;
        int quickReturns = 0;
        int lateReturns = 0;
        for (RecordingChannel channel : beds.channels) {
            Long exitAt = null;
            for (FaultInjector.Copy copy : channel.published()) {
                EventType type = copy.message().eventType();
                if (type != EventType.BED_EXIT && type != EventType.BED_RETURN) {
                    continue;
                }
                Instant ts = Instant.parse(JSON.readTree(copy.message().payload()).path("ts").asText());
                if (type == EventType.BED_EXIT) {
                    exits++;
                    exitAt = ts.toEpochMilli();
                    LocalTime local = DeviceModel.localTime(ts.toEpochMilli());
                    assertTrue(local.isAfter(LocalTime.of(20, 59)) || local.isBefore(LocalTime.of(7, 31)), "exit at " + local);
                } else {
                    assertTrue(exitAt != null, "a return follows an exit");
                    long away = ts.toEpochMilli() - exitAt;
                    if (away <= Duration.ofMinutes(15).toMillis()) {
                        quickReturns++;
                    } else {
                        lateReturns++;
                    }
                    exitAt = null;
                }
            }
        }
        // 40 elders, two nights, ~1.2 exits a night.
        assertTrue(exits >= 55 && exits <= 140, "exits " + exits);
        assertTrue(quickReturns >= 0.85 * exits, quickReturns + " of " + exits + " returned within 15 min");
        assertTrue(lateReturns >= 1, "some elders stay away long enough to raise an alert");
    }

    @Test
    void outOfBedSamplesHaveNoVitals() throws Exception {
        int outOfBed = 0;
        for (FaultInjector.Copy copy : beds.published()) {
            if (copy.message().kind() == MessageKind.BED_TELEMETRY) {
                for (JsonNode s : JSON.readTree(copy.message().payload()).path("samples")) {
                    if (!s.path("inBed").asBoolean()) {
                        outOfBed++;
                        assertTrue(s.get("hr").isNull() && s.get("rr").isNull(), s::toString);
                    }
                }
            }
        }
        assertTrue(outOfBed > 0);
    }

    @Test
    void eldersTurnEveryOneToTwoHoursAtNightOnly() throws Exception {
        Map<String, List<Instant>> turns = new HashMap<>();
        for (FaultInjector.Copy copy : beds.published()) {
            if (copy.message().eventType() == EventType.TURN) {
                Instant ts = Instant.parse(JSON.readTree(copy.message().payload()).path("ts").asText());
                LocalTime local = DeviceModel.localTime(ts.toEpochMilli());
                assertTrue(local.isAfter(LocalTime.of(21, 0)) || local.isBefore(LocalTime.of(7, 30)), "turn at " + local);
                turns.computeIfAbsent(copy.message().deviceId(), k -> new ArrayList<>()).add(ts);
            }
        }
        double perNight = turns.values().stream().mapToInt(List::size).sum() / 80.0;
        assertTrue(perNight >= 3 && perNight <= 9, "turns per night " + perNight);
    }

    @Test
    void batchesAreTenOneHertzSamplesEveryTenSeconds() throws Exception {
        RecordingChannel one = beds.channels.get(0);
        List<Instant> ts = new ArrayList<>();
        for (FaultInjector.Copy copy : one.published()) {
            if (copy.message().kind() == MessageKind.BED_TELEMETRY) {
                JsonNode batch = JSON.readTree(copy.message().payload());
                ts.add(Instant.parse(batch.path("ts").asText()));
                assertEquals(10, batch.path("samples").size());
                assertEquals(9000, batch.path("samples").get(9).path("dtMs").asInt());
            }
        }
        assertEquals(2 * 24 * 360, ts.size(), 1);
        assertEquals(Duration.ofSeconds(10), Duration.between(ts.get(0), ts.get(1)));
    }

    @Test
    void camerasAreOnlineDuringOpeningHoursOnly() throws Exception {
        OfflineCity city = new OfflineCity(0, 0, 5, 9, CityRates.defaults(), FaultRates.none(), NOON).run(NOON, Duration.ofDays(1));
        for (RecordingChannel channel : city.channels) {
            List<String> lifecycle = channel.entries.stream().map(RecordingChannel.Entry::what).filter(w -> !w.equals("send")).toList();
            // Online at noon, closed at ~18:00, open again at ~07:30, closed at the end of the run.
            assertEquals(List.of("connect", "shutdown", "connect", "shutdown"), lifecycle);
            for (FaultInjector.Copy copy : channel.published()) {
                if (copy.message().kind() == MessageKind.CAMERA_HEALTH) {
                    LocalTime local = java.time.OffsetDateTime.parse(JSON.readTree(copy.message().payload()).path("ts").asText())
                            .toLocalTime();
                    assertTrue(CameraModel.isOpen(local) || local.isBefore(LocalTime.of(18, 6)), "heartbeat at " + local);
                }
            }
        }
        JsonNode shutdown = JSON.readTree(city.channels.get(0).entries.stream().filter(e -> e.what().equals("shutdown"))
                .findFirst().orElseThrow().copy().message().payload());
        assertEquals("shutdown", shutdown.path("reason").asText());
        assertTrue(!shutdown.path("online").asBoolean());
    }

    @Test
    void buttonsBeatEveryFiveMinutesWithSlowlyDrainingBatteries() throws Exception {
        OfflineCity city = new OfflineCity(0, 10, 0, 3, CityRates.defaults(), FaultRates.none(), NOON).run(NOON, Duration.ofDays(3));
        for (RecordingChannel channel : city.channels) {
            List<Integer> battery = new ArrayList<>();
            for (FaultInjector.Copy copy : channel.published()) {
                if (copy.message().kind() == MessageKind.BUTTON_HEARTBEAT) {
                    battery.add(JSON.readTree(copy.message().payload()).path("battery").asInt());
                }
            }
            assertEquals(3 * 24 * 12, battery.size(), 1);
            int drop = battery.get(0) - battery.get(battery.size() - 1);
            assertTrue(drop >= 0 && drop <= 4, "battery dropped " + drop + " in 3 days");
        }
    }
}
