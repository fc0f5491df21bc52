package org.smartcare.demo;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
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
import org.smartcare.device.DeviceRegistration;
import org.smartcare.device.DeviceRegistration.NewDevice;
import org.smartcare.device.DeviceType;

/**
 * {@code java -jar smartcare.jar rounds-world [--elders N] [--caregivers N] [--out FILE]}: a fresh tenant for
 * devices-sim's rounds: a home-care provider, elders at homes within ~3 km of 随州 centre, certified
 * caregivers each with a registered CAREGIVER_PHONE (broker account) linked to them. Writes the world file
 * (ids and phone secrets, mode 600) and prints the tenant, for minting the operator token.
 */
public final class RoundsWorld {

    private RoundsWorld() {
    }

    public static int run(String[] args) {
        int elderCount = intArg(args, "--elders", 40);
        int caregiverCount = intArg(args, "--caregivers", 10);
        Path out = Path.of(arg(args, "--out", "rounds-world.json"));
        // Registry writes only: no ingest subscription (it would join a share group and keep a session) and no sweeps.
        try (ApplicationContext context = ApplicationContext.builder("rounds-world")
                .properties(Map.of("smartcare.ingest.enabled", "false", "smartcare.orders.sweep-enabled", "false"))
                .start()) {
            String json = create(context, elderCount, caregiverCount);
            Files.writeString(out, json);
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
            System.out.println(json.substring(json.indexOf("\"tenant\":\"") + 10, json.indexOf("\",")));
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("rounds-world failed: " + e.getMessage());
            return 1;
        }
    }

    static String create(ApplicationContext context, int elderCount, int caregiverCount) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "rounds-" + tag;
        context.getBean(Tenants.class).save(new Tenant(tenant, "Rounds " + tag));
        Regions regions = context.getBean(Regions.class);
        for (Region region : List.of(new Region("420000", "湖北省", null), new Region("421300", "随州市", "420000"),
                new Region("421303", "曾都区", "421300"))) {
            if (!regions.existsById(region.code())) {
                regions.save(region);
            }
        }
        Institution provider = context.getBean(Institutions.class).save(new Institution(null, tenant, "RW-" + tag,
                "居家养老服务站 " + tag, InstitutionType.STREET_CARE_CENTER, Ownership.PUBLIC_BUILT_PRIVATE_RUN, true,
                "421303", "东城街道", null, null, null, 0, 0, 0, 0, 0, true, "Asia/Shanghai"));
        Random random = new Random(tag.hashCode());
        Elders elders = context.getBean(Elders.class);
        List<String> elderRows = new ArrayList<>();
        for (int i = 1; i <= elderCount; i++) {
            LocalDate born = LocalDate.of(1930 + i % 20, 1 + i % 12, 1 + i % 28);
            double lat = 31.69 + (random.nextDouble() - 0.5) * 0.05;
            double lon = 113.38 + (random.nextDouble() - 0.5) * 0.06;
            Elder elder = elders.save(new Elder(null, tenant, "长者" + i, NationalIds.of("421303", born, i, i % 2 == 0),
                    born, i % 2 == 0 ? Gender.MALE : Gender.FEMALE, null, "421303", "东城街道", null, null, lat, lon,
                    LivingArrangement.ALONE, AbilityLevel.MILD_LOSS, LocalDate.of(2026, 1, 1), provider.id(), false,
                    "Asia/Shanghai"));
            elderRows.add(String.format(Locale.ROOT, "{\"id\":%d,\"lat\":%.7f,\"lon\":%.7f}", elder.id(), lat, lon));
        }
        DeviceRegistration registration = context.getBean(DeviceRegistration.class);
        // The bean is connection-context aware; this one-off write wants a plain pooled connection.
        DataSource data = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        List<String> caregiverRows = new ArrayList<>();
        for (int c = 1; c <= caregiverCount; c++) {
            String phone = "phone-" + tag + "-" + c;
            String secret = registration.register(new NewDevice(phone, tenant, DeviceType.CAREGIVER_PHONE,
                    "PH-" + tag + "-" + c, null, provider.id(), null)).secret();
            long caregiver = caregiver(data, tenant, provider.id(), "护理员" + c, "YL-" + tag + "-" + c, phone);
            caregiverRows.add(String.format("{\"id\":%d,\"phone\":\"%s\",\"secret\":\"%s\"}", caregiver, phone,
                    secret));
        }
        return "{\"tenant\":\"" + tenant + "\",\"institution\":" + provider.id() + ",\"elders\":["
                + String.join(",", elderRows) + "],\"caregivers\":[" + String.join(",", caregiverRows) + "]}\n";
    }

    /** Staff rows belong to the order feature; demo writes the one it needs directly (demo may use care, device). */
    private static long caregiver(DataSource data, String tenant, long institution, String name, String certificate,
                                  String phone) {
        String sql = """
                INSERT INTO staff (tenant_id, institution_id, name, certificate_no, certificate_valid_from,
                                   certificate_valid_until, phone_device_id)
                VALUES (?, ?, ?, ?, DATE '2024-01-01', DATE '2030-12-31', ?) RETURNING id""";
        try (Connection connection = data.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, tenant);
            insert.setLong(2, institution);
            insert.setString(3, name);
            insert.setString(4, certificate);
            insert.setString(5, phone);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("creating caregiver " + name + ": " + e.getMessage(), e);
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(arg(args, name, Integer.toString(fallback)));
    }
}
