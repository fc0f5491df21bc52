package org.smartcare.order;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.UUID;
import org.smartcare.care.AbilityLevel;
import org.smartcare.care.Elder;
import org.smartcare.care.Elders;
import org.smartcare.care.Gender;
import org.smartcare.care.Institution;
import org.smartcare.care.InstitutionType;
import org.smartcare.care.Institutions;
import org.smartcare.care.LivingArrangement;
import org.smartcare.care.Ownership;
import org.smartcare.care.Region;
import org.smartcare.care.Regions;
import org.smartcare.care.Tenant;
import org.smartcare.care.Tenants;

/**
 * A fresh tenant per test in the real database: a provider institution, two elders at known homes and a
 * certified caregiver. No broker accounts: orders need none.
 */
@Singleton
class OrderFixtures {

    static final double HOME_LAT = 31.69;
    static final double HOME_LON = 113.38;

    private final Tenants tenants;
    private final Regions regions;
    private final Institutions institutions;
    private final Elders elders;
    private final Caregivers caregivers;

    OrderFixtures(Tenants tenants, Regions regions, Institutions institutions, Elders elders, Caregivers caregivers) {
        this.tenants = tenants;
        this.regions = regions;
        this.institutions = institutions;
        this.elders = elders;
        this.caregivers = caregivers;
    }

    World world() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "it-ord-" + tag;
        tenants.save(new Tenant(tenant, "IT orders " + tag));
        ensureRegion(new Region("420000", "湖北省", null));
        ensureRegion(new Region("421300", "随州市", "420000"));
        ensureRegion(new Region("421303", "曾都区", "421300"));
        Institution provider = institutions.save(new Institution(null, tenant, "ORD-" + tag, "居家养老服务站 " + tag,
                InstitutionType.STREET_CARE_CENTER, Ownership.PUBLIC_BUILT_PRIVATE_RUN, true, "421303", "东城街道",
                "舜井社区", null, null, 0, 0, 0, 0, 0, true, "Asia/Shanghai"));
        Elder elder = elder(tenant, "李桂兰" + tag, "42130319380517002X", HOME_LAT, HOME_LON);
        Elder neighbour = elder(tenant, "张德明" + tag, "421303193611080031", HOME_LAT + 0.01, HOME_LON);
        Caregiver caregiver = caregivers.save(new Caregiver(null, tenant, provider.id(), "赵护理" + tag, "13907220000",
                "YL-" + tag, LocalDate.of(2024, 1, 1), LocalDate.of(2030, 12, 31), null, true));
        return new World(tenant, provider, elder, neighbour, caregiver);
    }

    Caregiver caregiver(World world, String certificateNo, LocalDate validUntil) {
        return caregivers.save(new Caregiver(null, world.tenant(), world.provider().id(), "钱护理", null,
                certificateNo, validUntil == null ? null : LocalDate.of(2020, 1, 1), validUntil, null, true));
    }

    private Elder elder(String tenant, String name, String nationalId, double lat, double lon) {
        return elders.save(new Elder(null, tenant, name, nationalId, LocalDate.of(1938, 5, 17), Gender.FEMALE,
                "13907221002", "421303", "东城街道", "舜井社区", "3号楼 101室", lat, lon, LivingArrangement.ALONE,
                AbilityLevel.MILD_LOSS, LocalDate.of(2026, 1, 10), null, true, "Asia/Shanghai"));
    }

    private void ensureRegion(Region region) {
        if (!regions.existsById(region.code())) {
            regions.save(region);
        }
    }

    /** What one test works with. */
    record World(String tenant, Institution provider, Elder elder, Elder neighbour, Caregiver caregiver) {

        Actor operator() {
            return Actor.of("it-operator", tenant);
        }

        Actor caregiverActor() {
            return Actor.of("caregiver:" + caregiver.id(), tenant);
        }
    }
}
