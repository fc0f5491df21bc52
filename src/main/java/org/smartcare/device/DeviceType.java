package org.smartcare.device;

/** The device classes that publish over MQTT. */
public enum DeviceType {
    BED_SENSOR, SOS_BUTTON, NURSERY_CAMERA
}
