package org.smartcare.order;

import java.util.List;

/** What one plan-generation run did: how many active plans it looked at and which orders it created. */
public record PlanRun(int plans, List<Long> createdOrderIds) {

    public PlanRun {
        createdOrderIds = List.copyOf(createdOrderIds);
    }

    public int created() {
        return createdOrderIds.size();
    }
}
