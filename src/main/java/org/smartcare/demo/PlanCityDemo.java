package org.smartcare.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.care.Region;
import org.smartcare.care.Regions;

/**
 * With the demo on, builds Suizhou (421300) from its plan's current figures as the tenant {@value #TENANT}, at
 * {@code smartcare.demo.plan-city.scale} (default 1; benchmarks raise it). Its operators see the plan's 现有
 * figures as live indicators. A scale other than 1 also scales the city's population figures.
 */
@Singleton
@Requires(property = "smartcare.demo.enabled", value = "true")
public class PlanCityDemo {

    public static final String TENANT = "plan-421300";
    public static final String CITY = "421300";
    /** The Suizhou plan is dated 2022-09-22; its 现有 figures are taken as of 2022. */
    public static final int PLAN_YEAR = 2022;
    private static final Logger LOG = LoggerFactory.getLogger(PlanCityDemo.class);

    private final PlanCity city;
    private final Regions regions;
    private final double scale;
    private final boolean enabled;

    PlanCityDemo(PlanCity city, Regions regions, @Value("${smartcare.demo.plan-city.scale:1}") double scale,
                 @Value("${smartcare.demo.plan-city.enabled:true}") boolean enabled) {
        this.city = city;
        this.regions = regions;
        this.scale = scale;
        this.enabled = enabled;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!enabled) {
            return;
        }
        for (Region region : List.of(new Region("420000", "湖北省", null), new Region(CITY, "随州市", "420000"),
                new Region("421303", "曾都区", CITY), new Region("421321", "随县", CITY),
                new Region("421381", "广水市", CITY))) {
            if (!regions.existsById(region.code())) {
                regions.save(region);
            }
        }
        CityLayout layout = city.build(PlanBaseline.of(CITY), CITY, TENANT, scale, PLAN_YEAR,
                LocalDate.now(PlanCity.CITY_TIME));
        LOG.info("plan city {} at scale {}: {} institutions, {} elders in hardship, tenant {}", CITY, scale,
                layout.institutions().size(), layout.hardshipElders(), TENANT);
    }
}
