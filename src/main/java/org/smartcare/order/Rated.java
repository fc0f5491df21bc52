package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;

/** The outcome of rating an order: the order, its rating, and the follow-up a bad rating opened. */
public record Rated(ServiceOrder order, Rating rating, @Nullable FollowUp followUp) {
}
