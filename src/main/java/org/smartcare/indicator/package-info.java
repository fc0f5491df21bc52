/** Plan indicators computed live from the registry, orders and alerts. May depend on care, order and alert. Built by the indicator issue. */
package org.smartcare.indicator;
