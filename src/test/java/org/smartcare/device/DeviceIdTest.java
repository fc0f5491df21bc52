package org.smartcare.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DeviceIdTest {

    /** The rule as the registry's CHECK constraint states it (V1__foundation.sql). */
    private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9-]{2,62}");

    @Test
    void agreesWithTheRegistryRuleOnGeneratedIds() {
        Random random = new Random(42);
        String alphabet = "abcxyz0189-_A/ .é";
        int valid = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(67);
            for (int i = 0; i < length; i++) {
                id.append(random.nextInt(10) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : alphabet.charAt(random.nextInt(11)));
            }
            boolean expected = RULE.matcher(id).matches();
            valid += expected ? 1 : 0;
            assertEquals(expected, DeviceId.isValid(id.toString()), id.toString());
        }
        assertTrue(valid > 10_000, "enough valid ids generated: " + valid);
    }

    @Test
    void edges() {
        assertTrue(DeviceId.isValid("0-a"));
        assertTrue(DeviceId.isValid("a".repeat(63)));
        assertFalse(DeviceId.isValid("a".repeat(64)));
        assertFalse(DeviceId.isValid("-ab"));
        assertFalse(DeviceId.isValid("ab"));
        assertFalse(DeviceId.isValid(null));
    }
}
