package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.smartcare.care.Elder;
import org.smartcare.care.Elders;
import org.smartcare.care.EmergencyContact;
import org.smartcare.care.Institution;
import org.smartcare.care.Institutions;
import org.smartcare.care.Region;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.Loaders;
import org.smartcare.graphql.PersonalData;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.Scopes;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.security.PersonalField;

/** Elder, EmergencyContact, Institution and Region. */
@Singleton
public class CareWiring implements WiringContribution {

    static final String ELDER = "Elder";
    static final String INSTITUTION = "Institution";

    private final PersonalData personal;
    private final Elders elders;
    private final Institutions institutions;

    CareWiring(PersonalData personal, Elders elders, Institutions institutions) {
        this.personal = personal;
        this.elders = elders;
        this.institutions = institutions;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field(ELDER, "id", env -> GlobalId.encode(ELDER, env.<Elder>getSource().id()))
                .field(ELDER, "age", env -> env.<Elder>getSource().age())
                .field(ELDER, "nationalId", personal.mask(PersonalField.NATIONAL_ID, e -> ((Elder) e).nationalId()))
                .field(ELDER, "phone", personal.mask(PersonalField.PHONE, e -> ((Elder) e).phone()))
                .field(ELDER, "address", personal.<Elder>reduce(PersonalField.ADDRESS,
                        CareWiring::fullAddress, Elder::community))
                .field(ELDER, "emergencyContacts",
                        env -> RequestContext.load(env, Loaders.CONTACTS, env.<Elder>getSource().id()))
                .field(ELDER, "institution",
                        env -> RequestContext.load(env, Loaders.INSTITUTION, env.<Elder>getSource().institutionId()))
                .field("EmergencyContact", "phone",
                        personal.mask(PersonalField.PHONE, c -> ((EmergencyContact) c).phone()))
                .field(INSTITUTION, "id", env -> GlobalId.encode(INSTITUTION, env.<Institution>getSource().id()))
                .field(INSTITUTION, "region",
                        env -> RequestContext.load(env, Loaders.REGION, env.<Institution>getSource().regionCode()))
                .field("Region", "parent",
                        env -> RequestContext.load(env, Loaders.REGION, env.<Region>getSource().parentCode()));
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
            case ELDER -> elders.findById(id.longKey()).filter(e -> Scopes.tenant(caller, e.tenantId())).orElse(null);
            case INSTITUTION -> institutions.findById(id.longKey())
                    .filter(i -> Scopes.tenant(caller, i.tenantId())).orElse(null);
            default -> null;
        };
    }
}
