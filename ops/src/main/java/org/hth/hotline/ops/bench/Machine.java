package org.hth.hotline.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The machine a run was measured on, printed above the table and written to the JSON.
 *
 * @param cores   processors available to the JVM
 * @param cpu     the CPU model from {@code /proc/cpuinfo}, or {@code unknown}
 * @param jvm     VM name, vendor and version
 * @param os      name, version and architecture
 * @param maxHeap the JVM's maximum heap in MB
 */
public record Machine(int cores, String cpu, String jvm, String os, long maxHeap) {

    /** This machine, now. */
    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vendor") + " "
                        + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** One line: {@code 2 cores (model), JVM ..., OS ..., max heap N MB}. */
    public String describe() {
        return cores + " cores (" + cpu + "), " + jvm + ", " + os + ", max heap " + maxHeap + " MB";
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown";
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
