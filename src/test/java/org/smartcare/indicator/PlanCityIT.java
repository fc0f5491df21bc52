package org.smartcare.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartcare.care.Institutions;
import org.smartcare.care.Region;
import org.smartcare.care.Regions;
import org.smartcare.demo.CityLayout;
import org.smartcare.demo.PlanBaseline;
import org.smartcare.demo.PlanCity;
import org.smartcare.graphql.GlobalId;
import org.smartcare.security.Role;
import org.smartcare.support.Api;

/**
 * The demo generator builds Suizhou from its plan's current (现有) figures, and the live indicators give those
 * figures back: every row of the plan the platform computes, within the rounding the plan prints.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanCityIT {

    private static final String SUIZHOU = "421300";

    @Inject PlanCity city;
    @Inject Regions regions;
    @Inject Institutions institutions;
    @Inject Indicators indicators;
    @Inject PlanTargets plans;
    @Inject Api api;

    private String tenant;
    private CityLayout layout;
    private final LocalDate today = LocalDate.now(ServiceQueries.CITY_TIME);

    @BeforeAll
    void buildTheCity() {
        for (Region region : List.of(new Region("420000", "湖北省", null), new Region(SUIZHOU, "随州市", "420000"),
                new Region("421303", "曾都区", SUIZHOU))) {
            if (!regions.existsById(region.code())) {
                regions.save(region);
            }
        }
        tenant = "it-plan-" + UUID.randomUUID().toString().substring(0, 8);
        layout = city.build(PlanBaseline.of(SUIZHOU), SUIZHOU, tenant, 1.0, 2022, today);
    }

    @Test
    void everyComputablePlanFigureComesBackWithinRounding() {
        Map<IndicatorCode, Indicator> computed = indicators.of(SUIZHOU, today, IndicatorScope.tenant(tenant))
                .orElseThrow().stream().filter(i -> i.code() != null)
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        List<String> checked = new ArrayList<>();
        for (PlanTarget row : plans.of(SUIZHOU)) {
            if (row.indicator() == null || row.baselineValue() == null) {
                continue;
            }
            Double value = computed.get(row.indicator()).measurement().value();
            assertNotNull(value, row.indicator() + " has a value");
            double half = 0.5 * Math.pow(10, -BigDecimal.valueOf(row.baselineValue()).stripTrailingZeros().scale());
            assertTrue(Math.abs(value - row.baselineValue()) <= half + 1e-9,
                    row.indicator() + " (" + row.nameZh() + "): expected " + row.baselineValue() + ", got " + value);
            checked.add(row.indicator().name());
        }
        assertEquals(14, checked.size(), "Suizhou prints 14 current figures the platform computes: " + checked);
    }

    @Test
    void operatorsReadTheIndicatorsWithTargetsStatusAndWhatCannotBeComputed() {
        JsonNode response = api.query(api.token(Role.OPERATOR, tenant), "indicators.graphql",
                Map.of("region", SUIZHOU));
        assertTrue(response.path("errors").isMissingNode(), response.toString());
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        response.path("data").path("indicators").forEach(i -> byName.put(i.path("nameZh").asText(), i));

        JsonNode beds = byName.get("每千名老年人养老床位数");
        assertEquals(40.3, beds.path("value").asDouble(), 0.05);
        assertEquals(45.0, beds.path("target").path("value").asDouble());
        assertEquals(2025, beds.path("target").path("year").asInt());
        boolean pastTargetYear = today.getYear() > 2025;
        assertEquals(pastTargetYear ? "BEHIND" : "ON_TRACK", beds.path("status").asText(), beds.toString());
        assertEquals(45.0 - beds.path("value").asDouble(), beds.path("gap").asDouble(), 1e-6);
        assertTrue(beds.path("target").path("source").asText().startsWith("003_"), "the plan's source is kept");

        JsonNode health = byName.get("老年人健康管理率");
        assertTrue(health.path("code").isNull(), "not computed by the platform");
        assertTrue(health.path("value").isNull());
        assertNotNull(health.path("unavailableReason").textValue());

        JsonNode homes = response.path("data").path("indicators").get(0);
        assertEquals("ELDER_CARE_INSTITUTIONS", homes.path("code").asText());
        assertEquals(109, homes.path("byType").findValues("count").stream().mapToInt(JsonNode::asInt).sum());
    }

    @Test
    void aRegionShowsItsPopulationAndPagesThroughItsInstitutions() {
        long institutionId = firstInstitution();
        JsonNode first = api.query(api.token(Role.PARTNER, tenant), "region-registry.graphql",
                Map.of("institution", GlobalId.encode("Institution", institutionId), "year", today.getYear(),
                        "first", 2));
        JsonNode suizhou = first.path("data").path("node").path("region").path("parent");
        assertEquals(SUIZHOU, suizhou.path("code").asText(), first.toString());
        assertEquals(layout.aged60Plus(), suizhou.path("population").path("aged60Plus").asLong());
        assertEquals(2022, suizhou.path("population").path("year").asInt());
        assertTrue(suizhou.path("population").path("aged80Plus").isNull(), "unknown figures stay unknown");
        assertEquals(2, suizhou.path("institutions").path("edges").size());
        assertTrue(suizhou.path("institutions").path("pageInfo").path("hasNextPage").asBoolean());
    }

    @Test
    void aFamilyAccountMayNotReadIndicators() {
        JsonNode response = api.query(api.token(Role.FAMILY, tenant), "indicators.graphql", Map.of("region", SUIZHOU));
        assertEquals("FORBIDDEN", response.path("errors").get(0).path("extensions").path("code").asText());
        assertNull(response.path("data").path("indicators").textValue());
    }

    private long firstInstitution() {
        return institutions.findByTenantIdAndCode(tenant, "PLAN-EC-00001").orElseThrow().id();
    }
}
