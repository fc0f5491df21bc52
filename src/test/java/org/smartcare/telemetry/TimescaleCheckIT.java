package org.smartcare.telemetry;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** The service refuses a database without TimescaleDB, and says how to fix it. */
class TimescaleCheckIT {

    @Test
    void aDatabaseWithoutTheExtensionIsRefusedWithAFix() throws Exception {
        // The 'postgres' maintenance database has no TimescaleDB, and the app role may not create it there.
        String url = System.getenv("SMARTCARE_DB_URL").replaceAll("/[^/?]+(\\?|$)", "/postgres$1");
        try (Connection connection = DriverManager.getConnection(url, System.getenv("SMARTCARE_DB_USER"),
                System.getenv("SMARTCARE_DB_PASSWORD"))) {
            TimescaleCheck.MissingTimescaleException refused =
                    assertThrows(TimescaleCheck.MissingTimescaleException.class, () -> TimescaleCheck.verify(connection));
            assertTrue(refused.getMessage().contains("CREATE EXTENSION timescaledb"), refused.getMessage());
        }
    }

    @Test
    void theServicesDatabaseHasIt() throws Exception {
        try (Connection connection = DriverManager.getConnection(System.getenv("SMARTCARE_DB_URL"),
                System.getenv("SMARTCARE_DB_USER"), System.getenv("SMARTCARE_DB_PASSWORD"))) {
            assertTrue(TimescaleCheck.verify(connection).matches("2\\..*"));
        }
    }
}
