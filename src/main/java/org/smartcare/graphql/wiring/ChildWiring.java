package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smartcare.childcare.CameraViewGrants;
import org.smartcare.childcare.Child;
import org.smartcare.childcare.ChildScope;
import org.smartcare.childcare.Children;
import org.smartcare.childcare.GrantResult;
import org.smartcare.childcare.Guardian;
import org.smartcare.graphql.ApiError;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.Loaders;
import org.smartcare.graphql.Paging;
import org.smartcare.graphql.PersonalData;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.security.Caller;
import org.smartcare.security.DataSubject;
import org.smartcare.security.PersonalField;
import org.smartcare.security.ReadAudit;
import org.smartcare.security.Role;

/** Query.children, child; Mutation.cameraViewGrant; the Child, Guardian and CameraViewGrant types. */
@Singleton
public class ChildWiring implements WiringContribution {

    static final String TYPE = "Child";
    private static final String GRANT = "CameraViewGrant";
    private static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");
    private static final PersonalData.Owner OF_CHILD = env -> DataSubject.child(env.<Child>getSource().id());
    private static final PersonalData.Owner OF_GUARDED = env -> DataSubject.child(env.<Guardian>getSource().childId());

    private final Children children;
    private final CameraViewGrants grants;
    private final PersonalData personal;
    private final ReadAudit audit;

    ChildWiring(Children children, CameraViewGrants grants, PersonalData personal, ReadAudit audit) {
        this.children = children;
        this.grants = grants;
        this.personal = personal;
        this.audit = audit;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Query", "children", this::children)
                .field("Query", "child", env -> visible(env, GlobalId.decode(env.getArgument("id"))))
                .field("Mutation", "cameraViewGrant", this::grant)
                .field(TYPE, "id", env -> GlobalId.encode(TYPE, env.<Child>getSource().id()))
                .field(TYPE, "name", personal.mask(PersonalField.NAME, Child::name, OF_CHILD))
                .field(TYPE, "nationalId", personal.mask(PersonalField.NATIONAL_ID, Child::nationalId, OF_CHILD))
                .field(TYPE, "ageInMonths", env -> env.<Child>getSource().ageInMonths(LocalDate.now(CITY_TIME)))
                .field(TYPE, "nursery", env -> RequestContext.load(env, Loaders.INSTITUTION,
                        env.<Child>getSource().nurseryId()))
                .field(TYPE, "guardians", env -> RequestContext.load(env, Loaders.GUARDIANS,
                        env.<Child>getSource().id()))
                .field("Guardian", "name", personal.mask(PersonalField.NAME, Guardian::name, OF_GUARDED))
                .field("Guardian", "phone", personal.mask(PersonalField.PHONE, Guardian::phone, OF_GUARDED))
                .field(GRANT, "camera", env -> RequestContext.load(env, Loaders.DEVICE,
                        env.<GrantResult.Granted>getSource().cameraId()))
                .field(GRANT, "id", env -> env.<GrantResult.Granted>getSource().id().toString())
                .field(GRANT, "child", env -> children.find(scope(RequestContext.caller(env)),
                        env.<GrantResult.Granted>getSource().childId()).orElse(null));
    }

    /** Guardians their children, nursery staff their nursery's, operators their tenant's; partners none. */
    static ChildScope scope(Caller caller) {
        return switch (caller.role()) {
            case ADMIN -> ChildScope.EVERYTHING;
            case OPERATOR -> new ChildScope(caller.tenantId(), null, null);
            case INSTITUTION_STAFF -> new ChildScope(caller.tenantId(), caller.institutionId(), null);
            case FAMILY -> new ChildScope(caller.tenantId(), null, caller.subject());
            case PARTNER -> throw ApiError.forbidden("children's data is not available to partner apps");
        };
    }

    private Map<String, Object> children(DataFetchingEnvironment env) {
        ChildScope scope = scope(RequestContext.caller(env));
        int first = Paging.first(env);
        String after = env.getArgument("after");
        List<Child> page = children.page(scope, after == null ? 0 : cursorId(after), first);
        boolean more = page.size() > first;
        return Paging.connection(more ? page.subList(0, first) : page, more,
                child -> Paging.encodeCursor(Long.toString(child.id())));
    }

    /** Used by Query.child and Query.node. */
    Child visible(DataFetchingEnvironment env, GlobalId id) {
        if (!id.type().equals(TYPE)) {
            return null;
        }
        return children.find(scope(RequestContext.caller(env)), id.longKey()).orElse(null);
    }

    private Map<String, Object> grant(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        if (caller.role() != Role.FAMILY) {
            return refused("FORBIDDEN", "only guardians receive camera view grants");
        }
        GlobalId camera = GlobalId.decode(env.getArgument("cameraId"));
        if (!camera.type().equals(DeviceWiring.TYPE)) {
            return refused("NOT_FOUND", "not a device id");
        }
        GrantResult result = grants.issue(caller.tenantId(), caller.subject(), camera.key(), Instant.now());
        return switch (result) {
            case GrantResult.Refused refusal -> refused(refusal.code().name(), refusal.message());
            case GrantResult.Granted granted -> {
                // The grant discloses that this child attends this nursery: audited before the token leaves.
                audit.record(caller, "cameraViewGrant", DataSubject.child(granted.childId()),
                        List.of("CameraViewGrant.child", "CameraViewGrant.camera"));
                Map<String, Object> payload = new HashMap<>();
                payload.put("grant", granted);
                payload.put("error", null);
                yield payload;
            }
        };
    }

    private static Map<String, Object> refused(String code, String message) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("grant", null);
        payload.put("error", Map.of("code", code, "message", message));
        return payload;
    }

    private static long cursorId(String cursor) {
        try {
            return Long.parseLong(Paging.decodeCursor(cursor));
        } catch (NumberFormatException e) {
            throw ApiError.badInput("invalid cursor");
        }
    }
}
