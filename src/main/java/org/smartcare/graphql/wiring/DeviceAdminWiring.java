package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.smartcare.care.Elders;
import org.smartcare.care.Institutions;
import org.smartcare.care.Tenants;
import org.smartcare.device.DeviceAdministration;
import org.smartcare.device.DeviceAdministration.Result;
import org.smartcare.device.DeviceFailure;
import org.smartcare.device.DeviceRegistration.NewDevice;
import org.smartcare.device.DeviceType;
import org.smartcare.graphql.Arguments;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.security.Caller;
import org.smartcare.security.Role;

/** registerDevice and revokeDevice, for administrators and the call centre of the device's tenant. */
@Singleton
public class DeviceAdminWiring implements WiringContribution {

    private final DeviceAdministration administration;
    private final Tenants tenants;
    private final Elders elders;
    private final Institutions institutions;

    DeviceAdminWiring(DeviceAdministration administration, Tenants tenants, Elders elders, Institutions institutions) {
        this.administration = administration;
        this.tenants = tenants;
        this.elders = elders;
        this.institutions = institutions;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Mutation", "registerDevice", this::register)
                .field("Mutation", "revokeDevice", this::revoke);
    }

    private Map<String, Object> register(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        if (!caller.is(Role.ADMIN, Role.OPERATOR)) {
            return forbidden(caller);
        }
        Map<String, Object> input = env.getArgument("input");
        String tenant = (String) input.get("tenant");
        if (caller.role() == Role.OPERATOR) {
            if (tenant != null && !tenant.equals(caller.tenantId())) {
                return refused(DeviceFailure.Code.NOT_FOUND, "tenant " + tenant + " is not yours");
            }
            tenant = caller.tenantId();
        } else if (tenant == null) {
            return refused(DeviceFailure.Code.INVALID_INPUT, "an administrator must name the device's tenant");
        } else if (!tenants.existsById(tenant)) {
            return refused(DeviceFailure.Code.NOT_FOUND, "no tenant " + tenant);
        }
        Long elder = Arguments.idOf(input.get("elderId"), CareWiring.ELDER);
        Long institution = Arguments.idOf(input.get("institutionId"), CareWiring.INSTITUTION);
        String owner = tenant;
        if (elder != null && elders.findById(elder).filter(e -> e.tenantId().equals(owner)).isEmpty()) {
            return refused(DeviceFailure.Code.INVALID_INPUT, "the elder is not in tenant " + owner);
        }
        if (institution != null && institutions.findById(institution).filter(i -> i.tenantId().equals(owner)).isEmpty()) {
            return refused(DeviceFailure.Code.INVALID_INPUT, "the institution is not in tenant " + owner);
        }
        Result result = administration.register(new NewDevice((String) input.get("deviceId"), tenant,
                DeviceType.valueOf(input.get("type").toString()), (String) input.get("serial"), elder, institution,
                (String) input.get("bedLabel")));
        Map<String, Object> payload = payload(result);
        payload.put("secret", result.secret());
        payload.put("created", result.created());
        return payload;
    }

    private Map<String, Object> revoke(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        if (!caller.is(Role.ADMIN, Role.OPERATOR)) {
            return forbidden(caller);
        }
        GlobalId id = GlobalId.decode(env.getArgument("id"));
        if (!id.type().equals(DeviceWiring.TYPE)) {
            return refused(DeviceFailure.Code.NOT_FOUND, "not a device id");
        }
        return payload(administration.revoke(id.key(), caller.role() == Role.ADMIN ? null : caller.tenantId()));
    }

    private static Map<String, Object> payload(Result result) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("device", result.device());
        payload.put("created", false);
        if (result.failure() != null) {
            payload.put("error", Map.of("code", result.failure().code().name(), "message", result.failure().message()));
        }
        return payload;
    }

    private static Map<String, Object> refused(DeviceFailure.Code code, String message) {
        return payload(new Result(null, null, false, new DeviceFailure(code, message)));
    }

    private static Map<String, Object> forbidden(Caller caller) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("created", false);
        payload.put("error", Map.of("code", "FORBIDDEN", "message", caller.role() + " may not administer devices"));
        return payload;
    }
}
