package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import org.smartcare.device.Device;
import org.smartcare.device.Devices;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.Scopes;
import org.smartcare.graphql.WiringContribution;

/** The Device type. */
@Singleton
public class DeviceWiring implements WiringContribution {

    static final String TYPE = "Device";

    private final Devices devices;

    DeviceWiring(Devices devices) {
        this.devices = devices;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field(TYPE, "id", env -> GlobalId.encode(TYPE, env.<Device>getSource().id()))
                .field(TYPE, "deviceId", env -> env.<Device>getSource().id());
    }

    /** Used by Query.node. */
    Device visible(DataFetchingEnvironment env, GlobalId id) {
        var caller = RequestContext.caller(env);
        return devices.findById(id.key()).filter(d -> Scopes.tenant(caller, d.tenantId())).orElse(null);
    }
}
