/** Service orders (工单): the six helps, visits and respite, check-in/out, anomalies and ratings. May depend on care. Built by the service-order issue. */
package org.smartcare.order;
