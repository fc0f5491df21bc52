package org.smartcare.sim;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code devices-sim} command: a parent for one subcommand per kind of simulated traffic. */
@Command(
        name = "devices-sim",
        mixinStandardHelpOptions = true,
        version = "devices-sim 0.1.0 (SmartCare device simulator, MQTT 5)",
        description = {
                "Simulates SmartCare devices: publishes their messages to the MQTT broker with per-device "
                        + "credentials (username and client id = device id, password = device secret), "
                        + "QoS 1, and reports what the broker acknowledged.",
                ""},
        subcommands = {SosCommand.class, CityCommand.class, LoadCommand.class, RoundsCommand.class,
                CommandLine.HelpCommand.class},
        footer = {
                "",
                "Exit status: 0 every message acknowledged, 1 some message refused or failed,",
                "2 invalid usage.",
                "Run 'devices-sim help sos' for the emergency call button simulator,",
                "'devices-sim help city' for a city of beds, buttons and cameras,",
                "'devices-sim help load' for the broker throughput benchmark."})
public final class SimCli implements Runnable {

    public static final String DEFAULT_BROKER = "tcp://127.0.0.1:51883";

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for {@link #main} and for in-process use in tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new SimCli()).setUsageHelpAutoWidth(true);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand (try 'sos', 'city' or 'load')");
    }
}
