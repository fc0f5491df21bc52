package org.smartcare.graphql;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoader;
import org.smartcare.alert.AlertWorkflow;
import org.smartcare.childcare.Children;
import org.smartcare.care.Elder;
import org.smartcare.care.Elders;
import org.smartcare.care.EmergencyContact;
import org.smartcare.care.EmergencyContacts;
import org.smartcare.care.Institution;
import org.smartcare.care.Institutions;
import org.smartcare.care.Region;
import org.smartcare.care.Regions;
import org.smartcare.device.Device;
import org.smartcare.device.DeviceDirectory;
import org.smartcare.device.DeviceQueries;
import org.smartcare.device.DeviceState;
import org.smartcare.device.DeviceStates;
import org.smartcare.device.Devices;

/** The batch loaders behind every association: one query per association and level, whatever the page size. */
@Singleton
public class Loaders {

    public static final String ELDER = "elder";
    public static final String INSTITUTION = "institution";
    public static final String REGION = "region";
    public static final String DEVICE = "device";
    public static final String CONTACTS = "emergencyContacts";
    public static final String DEVICE_STATE = "deviceState";
    public static final String DEVICE_HEALTH = "deviceHealth";
    public static final String ALERT_HISTORY = "alertHistory";
    public static final String ALERT = "alert";
    public static final String ORDERS_OF = "ordersOf";
    public static final String CAREGIVER = "caregiver";
    public static final String ORDER_ANOMALIES = "orderAnomalies";
    public static final String ORDER_RATING = "orderRating";
    public static final String ORDER_FOLLOW_UP = "orderFollowUp";
    public static final String ORDER_HISTORY = "orderHistory";
    public static final String ORDER_TRACK = "orderTrack";
    public static final String ORDER = "order";
    public static final String PLANS_OF = "plansOf";
    public static final String GUARDIANS = "guardians";

    private final Elders elders;
    private final Institutions institutions;
    private final Regions regions;
    private final Devices devices;
    private final EmergencyContacts contacts;
    private final DeviceStates states;
    private final DeviceQueries deviceQueries;
    private final AlertWorkflow workflow;
    private final OrderLoaders orders;
    private final Children children;
    private final DeviceDirectory directory;

    Loaders(Children children, AlertWorkflow workflow, Elders elders, Institutions institutions, Regions regions, Devices devices, EmergencyContacts contacts,
            DeviceStates states, DeviceQueries deviceQueries, OrderLoaders orders, DeviceDirectory directory) {
        this.directory = directory;
        this.orders = orders;
        this.children = children;
        this.states = states;
        this.workflow = workflow;
        this.deviceQueries = deviceQueries;
        this.elders = elders;
        this.institutions = institutions;
        this.regions = regions;
        this.devices = devices;
        this.contacts = contacts;
    }

    /**
     * A fresh registry per operation; subscriptions live long, so they do not cache. A subscription's devices come
     * from the ingest's directory instead (kept in step with every committed change by database notices): an alert's
     * device was looked up there by the ingest a moment before, so an SOS reaches the operator without a query.
     */
    public DataLoaderRegistry newRegistry(boolean subscription) {
        DataLoaderOptions options = DataLoaderOptions.newOptions().setCachingEnabled(!subscription);
        MappedBatchLoader<String, Device> deviceLoader = subscription
                ? ids -> CompletableFuture.completedFuture(directory.find(ids))
                : byKey((Set<String> ids) -> devices.findByIdIn(ids), Device::id);
        return DataLoaderRegistry.newRegistry()
                .register(ELDER, DataLoaderFactory.newMappedDataLoader(
                        byKey((Set<Long> ids) -> elders.findByIdIn(ids), Elder::id), options))
                .register(INSTITUTION, DataLoaderFactory.newMappedDataLoader(
                        byKey((Set<Long> ids) -> institutions.findByIdIn(ids), Institution::id), options))
                .register(REGION, DataLoaderFactory.newMappedDataLoader(
                        byKey((Set<String> codes) -> regions.findByCodeIn(codes), Region::code), options))
                .register(DEVICE, DataLoaderFactory.newMappedDataLoader(deviceLoader, options))
                .register(CONTACTS, DataLoaderFactory.newMappedDataLoader(contactsByElder(), options))
                .register(DEVICE_STATE, DataLoaderFactory.newMappedDataLoader(
                        byKey((Set<String> ids) -> states.findByDeviceIdIn(ids), DeviceState::deviceId), options))
                .register(ALERT_HISTORY, DataLoaderFactory.newMappedDataLoader(
                        (Set<Long> ids) -> CompletableFuture.completedFuture(workflow.histories(ids)), options))
                .register(DEVICE_HEALTH, DataLoaderFactory.newMappedDataLoader(
                        (Set<Long> ids) -> CompletableFuture.completedFuture(deviceQueries.health(ids)), options))
                .register(ALERT, DataLoaderFactory.newMappedDataLoader(orders.alerts(), options))
                .register(ORDERS_OF, DataLoaderFactory.newMappedDataLoader(orders.ordersOf(), options))
                .register(CAREGIVER, DataLoaderFactory.newMappedDataLoader(orders.caregivers(), options))
                .register(ORDER_ANOMALIES, DataLoaderFactory.newMappedDataLoader(orders.anomalies(), options))
                .register(ORDER_RATING, DataLoaderFactory.newMappedDataLoader(orders.ratings(), options))
                .register(ORDER_FOLLOW_UP, DataLoaderFactory.newMappedDataLoader(orders.followUps(), options))
                .register(ORDER_HISTORY, DataLoaderFactory.newMappedDataLoader(orders.histories(), options))
                .register(ORDER_TRACK, DataLoaderFactory.newMappedDataLoader(orders.tracks(), options))
                .register(ORDER, DataLoaderFactory.newMappedDataLoader(orders.orders(), options))
                .register(PLANS_OF, DataLoaderFactory.newMappedDataLoader(orders.plansOf(), options))
                .register(GUARDIANS, DataLoaderFactory.newMappedDataLoader(
                        (Set<Long> ids) -> CompletableFuture.completedFuture(children.guardiansOf(ids)), options))
                .build();
    }

    private static <K, V> MappedBatchLoader<K, V> byKey(Function<Set<K>, Collection<V>> query, Function<V, K> keyOf) {
        return keys -> CompletableFuture.completedFuture(
                query.apply(keys).stream().collect(Collectors.toMap(keyOf, Function.identity())));
    }

    private MappedBatchLoader<Long, List<EmergencyContact>> contactsByElder() {
        return elderIds -> {
            Map<Long, List<EmergencyContact>> byElder = contacts.findByElderIdInOrderByPriority(elderIds)
                    .stream().collect(Collectors.groupingBy(EmergencyContact::elderId));
            elderIds.forEach(id -> byElder.putIfAbsent(id, List.of()));
            return CompletableFuture.completedFuture(byElder);
        };
    }
}
