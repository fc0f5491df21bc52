package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli runs help texts through String.format, so a bare '%' (e.g. "30% are cancelled") makes it warn on
 * stderr and print the text unformatted. Every command's help must render without a warning.
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutAPicocliWarning() {
        List<CommandLine> commands = new ArrayList<>();
        collect(SimCli.commandLine(), commands);
        PrintStream original = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            commands.forEach(CommandLine::getUsageMessage);
        } finally {
            System.setErr(original);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
