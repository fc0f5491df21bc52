package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.smartcare.care.Elder;
import org.smartcare.care.Elders;
import org.smartcare.care.EmergencyContact;
import org.smartcare.care.Institution;
import org.smartcare.care.Institutions;
import org.smartcare.care.Region;
import org.smartcare.device.Device;
import org.smartcare.device.DeviceType;
import org.smartcare.device.Devices;
import org.smartcare.graphql.ApiError;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.Loaders;
import org.smartcare.graphql.PersonalData;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.Scopes;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.security.PersonalField;
import org.smartcare.telemetry.VitalsBucket;
import org.smartcare.telemetry.VitalsQueries;

/** Elder, EmergencyContact, Institution and Region. */
@Singleton
public class CareWiring implements WiringContribution {

    static final String ELDER = "Elder";
    static final String INSTITUTION = "Institution";
    private static final PersonalData.Owner OF_ELDER = PersonalData.Owner.<Elder>elder(Elder::id);

    private final PersonalData personal;
    private final Elders elders;
    private final Institutions institutions;
    private final Devices devices;
    private final VitalsQueries vitals;

    CareWiring(PersonalData personal, Elders elders, Institutions institutions, Devices devices, VitalsQueries vitals) {
        this.devices = devices;
        this.vitals = vitals;
        this.personal = personal;
        this.elders = elders;
        this.institutions = institutions;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field(ELDER, "id", env -> GlobalId.encode(ELDER, env.<Elder>getSource().id()))
                .field(ELDER, "age", env -> env.<Elder>getSource().age())
                .field(ELDER, "name", personal.mask(PersonalField.NAME, Elder::name, OF_ELDER))
                .field("EmergencyContact", "name", personal.mask(PersonalField.NAME, EmergencyContact::name,
                        PersonalData.Owner.<EmergencyContact>elder(EmergencyContact::elderId)))
                .field(ELDER, "nationalId", personal.mask(PersonalField.NATIONAL_ID, Elder::nationalId, OF_ELDER))
                .field(ELDER, "phone", personal.mask(PersonalField.PHONE, Elder::phone, OF_ELDER))
                .field(ELDER, "address", personal.<Elder>reduce(PersonalField.ADDRESS,
                        CareWiring::fullAddress, Elder::community, OF_ELDER))
                .field(ELDER, "emergencyContacts",
                        env -> RequestContext.load(env, Loaders.CONTACTS, env.<Elder>getSource().id()))
                .field(ELDER, "institution",
                        env -> RequestContext.load(env, Loaders.INSTITUTION, env.<Elder>getSource().institutionId()))
                .field("EmergencyContact", "phone",
                        personal.mask(PersonalField.PHONE, EmergencyContact::phone,
                                PersonalData.Owner.<EmergencyContact>elder(EmergencyContact::elderId)))
                .field(INSTITUTION, "id", env -> GlobalId.encode(INSTITUTION, env.<Institution>getSource().id()))
                .field(ELDER, "vitals", personal.guard(PersonalField.HEALTH, this::vitals, OF_ELDER))
                .field(INSTITUTION, "deviceHealth",
                        env -> RequestContext.load(env, Loaders.DEVICE_HEALTH, env.<Institution>getSource().id()))
                .field(INSTITUTION, "region",
                        env -> RequestContext.load(env, Loaders.REGION, env.<Institution>getSource().regionCode()))
                .field("Region", "parent",
                        env -> RequestContext.load(env, Loaders.REGION, env.<Region>getSource().parentCode()));
    }

    private List<VitalsBucket> vitals(DataFetchingEnvironment env) {
        Elder elder = env.getSource();
        Instant from = env.getArgument("from");
        Instant to = env.getArgument("to");
        Duration bucket;
        try {
            bucket = Duration.parse(env.<String>getArgument("bucket"));
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiError.badInput("bucket must be an ISO 8601 duration such as PT1H");
        }
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(Duration.ofDays(31)) > 0) {
            throw ApiError.badInput("from must be before to, at most 31 days apart");
        }
        if (bucket.compareTo(Duration.ofMinutes(1)) < 0 || bucket.compareTo(Duration.ofDays(1)) > 0
                || Duration.between(from, to).dividedBy(bucket) > 1_000) {
            throw ApiError.badInput("bucket must be between PT1M and P1D, and give at most 1000 buckets");
        }
        List<String> beds = devices.findByElderIdAndType(elder.id(), DeviceType.BED_SENSOR).stream()
                .map(Device::id).toList();
        return vitals.buckets(beds, from, to, bucket);
    }

    private static Object fullAddress(Elder elder) {
        String joined = Stream.of(elder.street(), elder.community(), elder.address())
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    /** Used by Query.node. */
    Object visible(DataFetchingEnvironment env, GlobalId id) {
        var caller = RequestContext.caller(env);
        return switch (id.type()) {
            case ELDER -> elders.findById(id.longKey()).filter(e -> Scopes.elder(env, e.tenantId(), e.id())).orElse(null);
            case INSTITUTION -> institutions.findById(id.longKey())
                    .filter(i -> Scopes.tenant(caller, i.tenantId())).orElse(null);
            default -> null;
        };
    }
}
