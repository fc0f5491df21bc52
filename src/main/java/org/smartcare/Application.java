package org.smartcare;

import io.micronaut.runtime.Micronaut;
import java.util.Arrays;
import org.smartcare.demo.RoundsWorld;
import org.smartcare.security.TokenCli;

/**
 * Starts the service; with {@code token ...} mints a bearer token and exits; with {@code rounds-world ...}
 * creates a tenant for devices-sim's rounds and exits.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCli.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("rounds-world")) {
            System.exit(RoundsWorld.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
