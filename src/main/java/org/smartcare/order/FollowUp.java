package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Duration;
import java.time.Instant;

/** The follow-up of a bad rating (差评回访), closed only with a corrective note (整改反馈). */
@MappedEntity("rating_follow_up")
public record FollowUp(
        @Id @GeneratedValue @Nullable Long id,
        long orderId,
        String tenantId,
        Instant openedAt,
        Instant dueAt,
        @Nullable Instant closedAt,
        @Nullable String closedBy,
        @Nullable String correctiveNote) {

    public FollowUp {
        if (!dueAt.isAfter(openedAt)) {
            throw new IllegalArgumentException("a follow-up must be due after it opens");
        }
    }

    static FollowUp open(ServiceOrder order, Instant at, Duration due) {
        return new FollowUp(null, order.id(), order.tenantId(), at, at.plus(due), null, null, null);
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public boolean isOverdue(Instant now) {
        return isOpen() && now.isAfter(dueAt);
    }

    FollowUp close(String note, Actor actor, Instant at) {
        if (!isOpen()) {
            throw new OrderFailure(OrderFailure.Code.FOLLOW_UP_CLOSED, "follow-up " + id + " was closed at " + closedAt);
        }
        if (note == null || note.isBlank()) {
            throw OrderFailure.invalid("closing follow-up " + id + " needs a corrective note (整改反馈)");
        }
        return new FollowUp(id, orderId, tenantId, openedAt, dueAt, at, actor.id(), note.strip());
    }
}
