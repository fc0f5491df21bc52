package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One entry of an order's history: a state change, who made it, when, and why. */
@MappedEntity("service_order_transition")
public record OrderTransition(
        @Id @GeneratedValue @Nullable Long id,
        long orderId,
        @Nullable OrderState fromState,
        OrderState toState,
        String actor,
        Instant at,
        @Nullable String note) {

    static OrderTransition of(ServiceOrder before, ServiceOrder after, Actor actor, @Nullable String note) {
        return new OrderTransition(null, after.id(), before == null ? null : before.state(), after.state(),
                actor.id(), after.updatedAt(), note);
    }
}
