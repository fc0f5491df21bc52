package org.smartcare.support;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.UUID;
import org.smartcare.care.AbilityLevel;
import org.smartcare.care.Elder;
import org.smartcare.care.ElderData;
import org.smartcare.care.Elders;
import org.smartcare.care.EmergencyContact;
import org.smartcare.care.EmergencyContacts;
import org.smartcare.care.Gender;
import org.smartcare.care.Institution;
import org.smartcare.care.InstitutionType;
import org.smartcare.care.Institutions;
import org.smartcare.care.LivingArrangement;
import org.smartcare.care.Ownership;
import org.smartcare.care.PartnerConsents;
import org.smartcare.care.Region;
import org.smartcare.care.Regions;
import org.smartcare.care.Tenant;
import org.smartcare.care.Tenants;
import org.smartcare.childcare.Child;
import org.smartcare.childcare.ChildScope;
import org.smartcare.childcare.Children;
import org.smartcare.childcare.Guardian;
import org.smartcare.childcare.NewChild;
import org.smartcare.device.DeviceRegistration;
import org.smartcare.device.DeviceRegistration.IssuedDevice;
import org.smartcare.device.DeviceRegistration.NewDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.order.Caregiver;
import org.smartcare.order.Caregivers;

/**
 * Builds a fresh little world per test in the real database and broker: a tenant of its own, an
 * institution, an elder with contacts, and devices with real broker accounts. Unique names keep tests
 * independent of each other and of whatever else the database holds.
 */
@Singleton
public class Fixtures {

    private final Tenants tenants;
    private final Regions regions;
    private final Institutions institutions;
    private final Elders elders;
    private final EmergencyContacts contacts;
    private final DeviceRegistration registration;
    private final Caregivers caregivers;
    private final PartnerConsents consents;
    private final Children children;

    Fixtures(Tenants tenants, Regions regions, Institutions institutions, Elders elders, EmergencyContacts contacts,
             DeviceRegistration registration, Caregivers caregivers, PartnerConsents consents,
             Children children) {
        this.consents = consents;
        this.children = children;
        this.caregivers = caregivers;
        this.tenants = tenants;
        this.regions = regions;
        this.institutions = institutions;
        this.elders = elders;
        this.contacts = contacts;
        this.registration = registration;
    }

    public World world() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "it-" + tag;
        tenants.save(new Tenant(tenant, "IT " + tag));
        ensureRegion(new Region("420000", "湖北省", null));
        ensureRegion(new Region("421300", "随州市", "420000"));
        ensureRegion(new Region("421303", "曾都区", "421300"));
        Institution institution = institution(tenant, tag);
        Elder elder = elder(tenant, institution.id(), tag, 1);
        IssuedDevice button = device(tenant, "btn-" + tag, DeviceType.SOS_BUTTON, elder.id());
        return new World(tenant, institution, elder, button);
    }

    /** Another elder of the world's institution, assessed at the given ability level. */
    public Elder elder(World world, AbilityLevel ability) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return elders.save(new Elder(null, world.tenant(), "李桂兰" + tag, "42130319380715" + String.format("%03d", Math.floorMod(tag.hashCode(), 1000)) + "X",
                LocalDate.of(1938, 7, 15), Gender.FEMALE, null, "421303", "东城街道", "舜井社区",
                "12号楼 1单元 201室", 31.69, 113.38, LivingArrangement.WITH_FAMILY, ability,
                LocalDate.of(2026, 3, 1), world.institution().id(), true, "Asia/Shanghai"));
    }

    /** A street care centre of the tenant in 421303. */
    public Institution institution(String tenant, String tag) {
        return institutions.save(new Institution(null, tenant, "INST-" + tag, "养老服务中心 " + tag,
                InstitutionType.STREET_CARE_CENTER, Ownership.PUBLIC_BUILT_PRIVATE_RUN, true, "421303", "东城街道",
                "舜井社区", null, null, 40, 20, 30, 0, 0, true, "Asia/Shanghai"));
    }

    /** An elder living alone, served by the institution, with two emergency contacts; serial 0-999 keeps national ids apart. */
    public Elder elder(String tenant, long institutionId, String tag, int serial) {
        Elder elder = elders.save(new Elder(null, tenant, "王秀英" + tag, "42130319400302%03dX".formatted(serial),
                LocalDate.of(1940, 3, 2), Gender.FEMALE, "13907221001", "421303", "东城街道", "舜井社区",
                "11号楼 2单元 101室", 31.69, 113.38, LivingArrangement.ALONE, AbilityLevel.MODERATE_LOSS,
                LocalDate.of(2026, 3, 1), institutionId, true, "Asia/Shanghai"));
        contacts.save(new EmergencyContact(null, elder.id(), 1, "王小明", "儿子", "13807222001"));
        contacts.save(new EmergencyContact(null, elder.id(), 2, "社区网格员", "网格员", "0722-3300001"));
        return elder;
    }

    public IssuedDevice device(String tenant, String id, DeviceType type, Long elderId) {
        return registration.register(new NewDevice(id, tenant, type, "SN-" + id, elderId, null, null));
    }

    /** A nursery camera belonging to an institution (opening hours 07:30-18:00 by default). */
    public IssuedDevice cameraAt(String tenant, String id, long institutionId) {
        return registration.register(new NewDevice(id, tenant, DeviceType.NURSERY_CAMERA, "SN-" + id, null,
                institutionId, null));
    }

    /** A certified caregiver of the institution, with the id of the phone reporting their location (or null). */
    public Caregiver caregiver(String tenant, long institutionId, String name, String phoneDeviceId) {
        return caregivers.save(new Caregiver(null, tenant, institutionId, name, "13907220000", "YL-" + name,
                LocalDate.of(2024, 1, 1), LocalDate.of(2030, 12, 31), phoneDeviceId, true));
    }

    /** Another elder of the tenant, living at the institution's community. */
    public Elder elder(String tenant, long institutionId, String name, String nationalId) {
        return elders.save(new Elder(null, tenant, name, nationalId, LocalDate.of(1945, 1, 1), Gender.MALE,
                "13907221002", "421303", "东城街道", "舜井社区", "12号楼 1单元 202室", 31.69, 113.38,
                LivingArrangement.EMPTY_NEST, AbilityLevel.MILD_LOSS, LocalDate.of(2026, 3, 1), institutionId, true,
                "Asia/Shanghai"));
    }

    /** The elder consents, from a minute ago and until revoked, that the test partner (it-partner) reads these data. */
    public void partnerConsent(String tenant, long elderId, ElderData... scopes) {
        partnerConsent("it-partner", tenant, elderId, scopes);
    }

    /** The elder consents, from a minute ago and until revoked, that this partner reads these data. */
    public void partnerConsent(String partner, String tenant, long elderId, ElderData... scopes) {
        consents.grant(tenant, partner, elderId, java.util.Set.of(scopes), java.time.Instant.now().minusSeconds(60),
                null);
    }

    /** A nursery (托育机构) of the tenant, open from 07:30 to 18:00 Asia/Shanghai unless changed. */
    public Institution nursery(String tenant, String code) {
        return institutions.save(new Institution(null, tenant, code, "阳光托育园 " + code, InstitutionType.NURSERY,
                Ownership.PRIVATE, true, "421303", "东城街道", "舜井社区", null, null, 0, 0, 0, 60, 40, true,
                "Asia/Shanghai"));
    }

    /** A child enrolled at the nursery since this year's first of January, with one guardian (a FAMILY subject). */
    public Child child(String tenant, String name, String nationalId, long nurseryId, String guardianSubject) {
        long id = children.register(new NewChild(tenant, name, nationalId, LocalDate.now().minusMonths(20),
                Gender.FEMALE));
        children.addGuardian(new Guardian(id, guardianSubject, "刘芳", "母亲", "13907225001"));
        children.enroll(id, nurseryId, LocalDate.now().withDayOfYear(1));
        return children.find(ChildScope.EVERYTHING, id).orElseThrow();
    }

    private void ensureRegion(Region region) {
        if (!regions.existsById(region.code())) {
            regions.save(region);
        }
    }

    /** What one test works with. */
    public record World(String tenant, Institution institution, Elder elder, IssuedDevice button) {

        public String buttonId() {
            return button.device().id();
        }
    }
}
