/** The device registry, device event catalogue and broker credentials. Depends on no other feature; Paho only in device.mqtt. */
package org.smartcare.device;
