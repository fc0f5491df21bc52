/** Alerts: rules that turn device events into alerts, the alert lifecycle and its fan-out. May depend on care, device and order. */
package org.smartcare.alert;
