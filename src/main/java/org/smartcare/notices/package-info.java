/**
 * LISTEN loops on the service's database: how a feature hears of changes committed by any instance (alerts raised,
 * device registrations changed). Infrastructure that features may use; it knows none of them.
 */
package org.smartcare.notices;
