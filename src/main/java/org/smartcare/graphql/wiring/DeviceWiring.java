package org.smartcare.graphql.wiring;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smartcare.device.Device;
import org.smartcare.device.DeviceFilter;
import org.smartcare.device.DeviceQueries;
import org.smartcare.device.DeviceState;
import org.smartcare.device.DeviceType;
import org.smartcare.device.Devices;
import org.smartcare.device.GeoPoint;
import org.smartcare.graphql.ApiError;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.Loaders;
import org.smartcare.graphql.Paging;
import org.smartcare.graphql.PersonalData;
import org.smartcare.graphql.RequestContext;
import org.smartcare.graphql.Scopes;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.security.Caller;
import org.smartcare.security.DataSubject;
import org.smartcare.security.PersonalField;
import org.smartcare.security.Role;
import org.smartcare.telemetry.DeviceEventQueries;
import org.smartcare.telemetry.EventKey;
import org.smartcare.telemetry.StoredEvent;

/** Query.devices and the Device, DeviceStatus and DeviceEvent types. */
@Singleton
public class DeviceWiring implements WiringContribution {

    static final String TYPE = "Device";

    private final Devices devices;
    private final DeviceQueries queries;
    private final DeviceEventQueries events;
    private final PersonalData personal;

    DeviceWiring(Devices devices, DeviceQueries queries, DeviceEventQueries events, PersonalData personal) {
        this.devices = devices;
        this.queries = queries;
        this.events = events;
        this.personal = personal;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Query", "devices", this::devices)
                .field(TYPE, "id", env -> GlobalId.encode(TYPE, env.<Device>getSource().id()))
                .field(TYPE, "deviceId", env -> env.<Device>getSource().id())
                .field(TYPE, "status", env -> RequestContext.load(env, Loaders.DEVICE_STATE, env.<Device>getSource().id()))
                .field(TYPE, "lastSeenAt", env -> RequestContext.<String, DeviceState>load(env, Loaders.DEVICE_STATE,
                        env.<Device>getSource().id()).thenApply(state -> state == null ? null : state.lastSeenAt()))
                .field(TYPE, "elder", env -> RequestContext.load(env, Loaders.ELDER, env.<Device>getSource().elderId()))
                .field(TYPE, "institution",
                        env -> RequestContext.load(env, Loaders.INSTITUTION, env.<Device>getSource().institutionId()))
                .field(TYPE, "events", this::events)
                .field("DeviceStatus", "lowBattery", env -> env.<DeviceState>getSource().lowBattery())
                .field("DeviceEvent", "seq", env -> Long.toString(env.<StoredEvent>getSource().seq()))
                .field("DeviceEvent", "location", personal.guard(PersonalField.LOCATION, env -> {
                    StoredEvent event = env.getSource();
                    return event.latitude() == null ? null : new GeoPoint(event.latitude(), event.longitude());
                }, env -> {
                    Device device = env.getLocalContext(); // set by Device.events
                    return device == null || device.elderId() == null ? null : DataSubject.elder(device.elderId());
                }));
    }

    private Map<String, Object> devices(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        int first = Paging.first(env);
        String after = env.getArgument("after");
        DeviceFilter filter = filter(env.getArgument("filter"), caller, Scopes.deviceElders(env));
        List<Device> page = queries.page(caller.role() == Role.ADMIN ? null : caller.tenantId(), filter,
                after == null ? null : Paging.decodeCursor(after), first + 1);
        boolean more = page.size() > first;
        return Paging.connection(more ? page.subList(0, first) : page, more, device -> Paging.encodeCursor(device.id()));
    }

    private static DeviceFilter filter(Map<String, Object> input, Caller caller, Set<Long> elders) {
        Long institution = null;
        Set<DeviceType> types = EnumSet.noneOf(DeviceType.class);
        DeviceFilter.Connectivity connectivity = null;
        Boolean lowBattery = null;
        if (input != null) {
            if (input.get("type") instanceof Collection<?> names) {
                names.forEach(name -> types.add(DeviceType.valueOf(name.toString())));
            }
            if (input.get("status") != null) {
                connectivity = DeviceFilter.Connectivity.valueOf(input.get("status").toString());
            }
            lowBattery = (Boolean) input.get("lowBattery");
            if (input.get("institution") != null) {
                GlobalId id = GlobalId.decode(input.get("institution").toString());
                if (!id.type().equals(CareWiring.INSTITUTION)) {
                    throw ApiError.badInput("institution must be an Institution id");
                }
                institution = id.longKey();
            }
        }
        if (caller.role() == Role.INSTITUTION_STAFF) {
            if (institution != null && !institution.equals(caller.institutionId())) {
                throw ApiError.forbidden("institution staff see their own institution's devices only");
            }
            institution = caller.institutionId();
        }
        return new DeviceFilter(types, connectivity, lowBattery, institution, elders);
    }

    private DataFetcherResult<Object> events(DataFetchingEnvironment env) {
        Device device = env.getSource();
        Instant from = env.getArgument("from");
        Instant to = env.getArgument("to");
        if (!from.isBefore(to)) {
            throw ApiError.badInput("from must be before to");
        }
        int first = Paging.first(env);
        String after = env.getArgument("after");
        List<StoredEvent> page = events.page(device.id(), from, to, after == null ? null : decode(device.id(), after),
                first + 1);
        boolean more = page.size() > first;
        // The device travels down as local context: an event's location is its elder's personal data.
        return DataFetcherResult.newResult().data(Paging.connection(more ? page.subList(0, first) : page, more,
                event -> Paging.encodeCursor(event.occurredAt() + "|" + event.seq()))).localContext(device).build();
    }

    private static EventKey decode(String deviceId, String cursor) {
        String[] parts = Paging.decodeCursor(cursor).split("\\|");
        try {
            return new EventKey(deviceId, Instant.parse(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw ApiError.badInput("invalid cursor");
        }
    }

    /** Used by Query.node. */
    Device visible(DataFetchingEnvironment env, GlobalId id) {
        return devices.findById(id.key()).filter(d -> Scopes.device(env, d.tenantId(), d.elderId())).orElse(null);
    }

}
