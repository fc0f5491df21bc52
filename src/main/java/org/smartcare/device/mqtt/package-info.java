/** The broker side of the device registry: per-device accounts through Mosquitto's dynamic-security API. */
package org.smartcare.device.mqtt;
