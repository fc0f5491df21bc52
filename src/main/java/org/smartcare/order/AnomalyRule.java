package org.smartcare.order;

import java.util.Optional;

/**
 * One abnormal-order rule: a pure decision over the facts of one order, so each rule is tested with plain
 * values. A rule whose facts are not there yet (no check-in, no home coordinates) stays silent.
 */
public interface AnomalyRule {

    AnomalyKind kind();

    /** The finding's detail when the rule fires, for the supervisor reading it. */
    Optional<String> evaluate(OrderFacts facts);
}
