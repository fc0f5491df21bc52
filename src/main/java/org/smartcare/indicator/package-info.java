/**
 * Plan indicators (规划指标) computed live per region, sub-regions rolled up, from the registry, service orders and
 * alerts, measured against the targets of the city plans. May depend on care, order and alert.
 */
package org.smartcare.indicator;
