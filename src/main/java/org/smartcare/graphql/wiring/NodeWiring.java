package org.smartcare.graphql.wiring;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import org.smartcare.alert.Alert;
import org.smartcare.care.Elder;
import org.smartcare.childcare.Child;
import org.smartcare.care.Institution;
import org.smartcare.device.Device;
import org.smartcare.graphql.FetcherRegistry;
import org.smartcare.graphql.GlobalId;
import org.smartcare.graphql.WiringContribution;
import org.smartcare.ingest.DeadLetter;
import org.smartcare.order.Caregiver;
import org.smartcare.order.ServiceOrder;

/** Query.node and the Node interface's type resolution. */
@Singleton
public class NodeWiring implements WiringContribution {

    private final AlertWiring alerts;
    private final CareWiring care;
    private final DeviceWiring devices;
    private final OrderWiring orders;

    private final ChildWiring children;

    NodeWiring(AlertWiring alerts, CareWiring care, DeviceWiring devices, OrderWiring orders, ChildWiring children) {
        this.children = children;
        this.orders = orders;
        this.alerts = alerts;
        this.care = care;
        this.devices = devices;
    }

    @Override
    public void contribute(FetcherRegistry registry) {
        registry.field("Query", "node", this::node)
                .typeResolver("Node", env -> env.getSchema().getObjectType(typeOf(env.getObject())));
    }

    private Object node(DataFetchingEnvironment env) {
        GlobalId id = GlobalId.decode(env.getArgument("id"));
        return switch (id.type()) {
            case AlertWiring.TYPE -> alerts.visible(env, id);
            case CareWiring.ELDER, CareWiring.INSTITUTION -> care.visible(env, id);
            case DeviceWiring.TYPE -> devices.visible(env, id);
            case OrderWiring.TYPE -> orders.visible(env, id);
            case OrderWiring.CAREGIVER -> orders.visibleCaregiver(env, id);
            case ChildWiring.TYPE -> children.visible(env, id);
            default -> null;
        };
    }

    private static String typeOf(Object value) {
        return switch (value) {
            case Alert a -> AlertWiring.TYPE;
            case Elder e -> CareWiring.ELDER;
            case Institution i -> CareWiring.INSTITUTION;
            case Device d -> DeviceWiring.TYPE;
            case DeadLetter d -> DeadLetterWiring.TYPE;
            case ServiceOrder o -> OrderWiring.TYPE;
            case Caregiver c -> OrderWiring.CAREGIVER;
            case Child c -> ChildWiring.TYPE;
            default -> throw new IllegalStateException("no GraphQL type for " + value.getClass());
        };
    }

}
