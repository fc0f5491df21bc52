package org.smartcare.care;

/** The categories of an elder's data that a family link opens entirely and a partner consent opens one by one. */
public enum ElderData {
    ALERTS, ORDERS, DEVICES
}
