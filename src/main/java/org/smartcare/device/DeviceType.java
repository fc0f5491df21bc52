package org.smartcare.device;

/** The device classes that publish over MQTT. A CAREGIVER_PHONE is a caregiver's phone reporting location. */
public enum DeviceType {
    BED_SENSOR, SOS_BUTTON, NURSERY_CAMERA, CAREGIVER_PHONE
}
