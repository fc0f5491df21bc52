/** A small demo city (Suizhou): registry, devices with broker accounts, and a credentials file for the simulator. Depends on care and device. */
package org.smartcare.demo;
