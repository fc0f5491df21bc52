package org.smartcare.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.care.AbilityLevel;
import org.smartcare.care.Elder;
import org.smartcare.care.Elders;
import org.smartcare.care.EmergencyContact;
import org.smartcare.care.EmergencyContacts;
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
import org.smartcare.device.DeviceRegistration;
import org.smartcare.device.DeviceRegistration.NewDevice;
import org.smartcare.device.DeviceType;

/**
 * Loads a small city into the registry at start-up (idempotently, by natural keys), gives every demo
 * device a fresh broker secret, and writes the SOS buttons' credentials to a file for devices-sim.
 */
@Singleton
@Requires(property = "smartcare.demo.enabled", value = "true")
public class DemoCity {

    public static final String TENANT = "demo-city";
    private static final Logger LOG = LoggerFactory.getLogger(DemoCity.class);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"秀英", "建国", "桂兰", "德明", "玉珍", "国华", "淑芬", "志强", "凤英", "文斌", "春梅", "长海"};
    private static final String[] COMMUNITIES = {"东城街道 舜井社区", "西城街道 烈山社区", "南郊街道 季梁社区", "北郊街道 桃园社区"};
    private static final int ELDERS = 12;

    private final Tenants tenants;
    private final Regions regions;
    private final Institutions institutions;
    private final Elders elders;
    private final EmergencyContacts contacts;
    private final DeviceRegistration registration;
    private final Path devicesFile;
    private final DemoFamilies families;

    DemoCity(Tenants tenants, Regions regions, Institutions institutions, Elders elders, EmergencyContacts contacts,
             DeviceRegistration registration, @Value("${smartcare.demo.devices-file}") String devicesFile,
             DemoFamilies families) {
        this.families = families;
        this.tenants = tenants;
        this.regions = regions;
        this.institutions = institutions;
        this.elders = elders;
        this.contacts = contacts;
        this.registration = registration;
        this.devicesFile = Path.of(devicesFile);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        load();
    }

    /** Loads the city; safe to run again. */
    public void load() {
        if (!tenants.existsById(TENANT)) {
            tenants.save(new Tenant(TENANT, "随州市 (demo)"));
        }
        for (Region region : List.of(new Region("420000", "湖北省", null), new Region("421300", "随州市", "420000"),
                new Region("421303", "曾都区", "421300"), new Region("421321", "随县", "421300"),
                new Region("421381", "广水市", "421300"))) {
            if (!regions.existsById(region.code())) {
                regions.save(region);
            }
        }
        Institution home = institution("SZ-CH-01", "随州市社会福利院", InstitutionType.ELDER_CARE_HOME, Ownership.PUBLIC,
                true, "421303", 300, 180, 241, 0, 0);
        Institution centre = institution("SZ-SC-01", "曾都区东城街道综合养老服务中心", InstitutionType.STREET_CARE_CENTER,
                Ownership.PUBLIC_BUILT_PRIVATE_RUN, true, "421303", 40, 20, 31, 0, 0);
        Institution nursery = institution("SZ-NU-01", "曾都区阳光托育园", InstitutionType.NURSERY, Ownership.PRIVATE,
                true, "421303", 0, 0, 0, 120, 96);
        List<String> buttonCredentials = new ArrayList<>();
        List<Elder> cityElders = new ArrayList<>();
        for (int i = 1; i <= ELDERS; i++) {
            Elder elder = elder(i, i % 3 == 0 ? home : centre);
            cityElders.add(elder);
            String suffix = String.format("%04d", i);
            buttonCredentials.add("btn-" + suffix + "," + registration.register(new NewDevice("btn-" + suffix, TENANT,
                    DeviceType.SOS_BUTTON, "SOS-" + suffix, elder.id(), null, null)).secret());
            if (elder.homeCareBed()) {
                registration.register(new NewDevice("bed-" + suffix, TENANT, DeviceType.BED_SENSOR, "BED-" + suffix,
                        elder.id(), null, "home"));
            }
        }
        for (int c = 1; c <= 3; c++) {
            String suffix = String.format("%04d", c);
            registration.register(new NewDevice("cam-" + suffix, TENANT, DeviceType.NURSERY_CAMERA, "CAM-" + suffix,
                    null, nursery.id(), null));
        }
        families.load(cityElders, nursery);
        writeCredentials(buttonCredentials);
        LOG.info("demo city loaded: {} elders, credentials of {} SOS buttons in {}", ELDERS, buttonCredentials.size(),
                devicesFile.toAbsolutePath());
    }

    private Institution institution(String code, String name, InstitutionType type, Ownership ownership,
                                    boolean inclusive, String region, int beds, int nursingBeds, int occupied,
                                    int places, int enrolled) {
        return institutions.findByTenantIdAndCode(TENANT, code).orElseGet(() -> institutions.save(new Institution(
                null, TENANT, code, name, type, ownership, inclusive, region, "东城街道", null, null, "0722-3300000",
                beds, nursingBeds, occupied, places, enrolled, true, "Asia/Shanghai")));
    }

    private Elder elder(int i, Institution provider) {
        LocalDate born = LocalDate.of(1936 + i * 2, 1 + i % 12, 1 + i * 2);
        boolean male = i % 2 == 0;
        String nationalId = NationalIds.of("421303", born, i, male);
        return elders.findByTenantIdAndNationalId(TENANT, nationalId).orElseGet(() -> {
            String[] community = COMMUNITIES[i % COMMUNITIES.length].split(" ");
            Elder saved = elders.save(new Elder(null, TENANT, SURNAMES[i - 1] + GIVEN[i - 1], nationalId, born,
                    male ? Gender.MALE : Gender.FEMALE, "1390722" + String.format("%04d", 1000 + i), "421303",
                    community[0], community[1], (10 + i) + "号楼 " + (i % 6 + 1) + "单元 " + (100 + i) + "室",
                    31.69 + i * 0.003, 113.38 + i * 0.002,
                    i % 4 == 0 ? LivingArrangement.WITH_FAMILY : i % 2 == 0 ? LivingArrangement.EMPTY_NEST
                            : LivingArrangement.ALONE,
                    AbilityLevel.values()[i % AbilityLevel.values().length], LocalDate.of(2026, 3, i),
                    provider.id(), i % 2 == 1, "Asia/Shanghai"));
            contacts.save(new EmergencyContact(null, saved.id(), 1, SURNAMES[i - 1] + "小" + GIVEN[(i + 3) % 12].charAt(0),
                    "子女", "1380722" + String.format("%04d", 2000 + i)));
            contacts.save(new EmergencyContact(null, saved.id(), 2, "社区网格员", "网格员", "0722-33" + String.format("%05d", i)));
            return saved;
        });
    }

    private void writeCredentials(List<String> lines) {
        try {
            Path parent = devicesFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "devices", ".csv",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            List<String> content = new ArrayList<>();
            content.add("# SmartCare demo SOS buttons: deviceId,secret (secrets are re-issued at every start)");
            content.addAll(lines);
            Files.write(temp, content);
            Files.move(temp, devicesFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + devicesFile, e);
        }
    }
}
