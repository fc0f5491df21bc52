package org.smartcare.sim;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** One in-process run of {@code devices-sim}, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SimCli.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The per-message lines: those after the plan line and before the summary. */
    List<String> messageLines() {
        return Arrays.stream(out.split("\\R"))
                .filter(line -> line.contains(" seq="))
                .toList();
    }

    /** The seq printed on a message line. */
    static long seqOf(String messageLine) {
        for (String word : messageLine.split(" ")) {
            if (word.startsWith("seq=")) {
                return Long.parseLong(word.substring(4));
            }
        }
        throw new IllegalArgumentException("no seq in: " + messageLine);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
