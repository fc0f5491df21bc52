/**
 * The SmartCare device simulator: a picocli command line that publishes device messages to the
 * broker under per-device credentials, exactly as real devices would; it depends on no service code.
 */
package org.smartcare.sim;
