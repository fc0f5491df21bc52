package org.smartcare.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The nice value of this JVM's threads as the kernel reports them (/proc/self/task/N/stat, field 19). */
public final class ThreadNices {

    private ThreadNices() {
    }

    /** Nice values by thread name (the kernel's 15-character form), one entry per thread. */
    public static Map<String, List<Integer>> byName() {
        Map<String, List<Integer>> nices = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    nices.computeIfAbsent(name, n -> new ArrayList<>()).add(niceIn(stat));
                } catch (IOException e) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return nices;
    }

    /** The calling thread's nice value. */
    public static int ofCurrentThread() {
        try {
            return niceIn(Files.readString(Path.of("/proc/thread-self/stat")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The process's own nice value (that of its main thread). */
    public static int ofProcess() {
        try {
            return niceIn(Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int niceIn(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]); // fields from the third on: nice is the 19th
    }
}
