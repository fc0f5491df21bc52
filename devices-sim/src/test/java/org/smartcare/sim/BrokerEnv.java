package org.smartcare.sim;

/**
 * The project broker and its accounts, from the environment {@code deploy/lib/env.sh} exports.
 *
 * @param url           {@code SMARTCARE_MQTT_URL}
 * @param adminUser     {@code SMARTCARE_MQTT_ADMIN_USER}: may use the dynamic-security control API
 * @param serviceUser   {@code SMARTCARE_MQTT_USER}: the service account, may subscribe to every device topic
 */
record BrokerEnv(String url, String adminUser, String adminPassword, String serviceUser, String servicePassword) {

    static BrokerEnv fromEnvironment() {
        return new BrokerEnv(
                env("SMARTCARE_MQTT_URL"),
                env("SMARTCARE_MQTT_ADMIN_USER"),
                env("SMARTCARE_MQTT_ADMIN_PASSWORD"),
                env("SMARTCARE_MQTT_USER"),
                env("SMARTCARE_MQTT_PASSWORD"));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: start the broker with 'deploy/services up' and run "
                    + "'source deploy/lib/env.sh' before 'mvn verify' (or skip these tests with -DskipITs)");
        }
        return value;
    }

    @Override
    public String toString() {
        return "BrokerEnv[url=" + url + ", adminUser=" + adminUser + ", serviceUser=" + serviceUser + "]";
    }
}
