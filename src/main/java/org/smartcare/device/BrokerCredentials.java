package org.smartcare.device;

/** The broker's account store: one account per device, allowed to publish only under its own topic. */
public interface BrokerCredentials {

    /** Creates the account, or resets its password when it exists; returns the credentials reference. */
    String grant(String deviceId, String secret);

    /** Removes the account; a missing account is not an error. */
    void revoke(String deviceId);
}
