/**
 * Service orders (工单): the six helps, visits, respite and home nursing, from creation through GPS check-in/out
 * to rating and follow-up, recurring plans, caregivers' tracks and abnormal-order detection. May depend on care.
 */
package org.smartcare.order;
