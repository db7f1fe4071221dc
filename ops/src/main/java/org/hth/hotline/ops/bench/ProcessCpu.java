package org.hth.hotline.ops.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

import com.sun.management.OperatingSystemMXBean;

/**
 * The CPU time this process has used (every thread: the hotline's, the load generator's, the receiver's, the
 * JIT's and the GC's), for figures that a busy machine does not distort as much as wall-clock time; and the time
 * the JIT has spent compiling, to tell when a warm-up is done.
 */
final class ProcessCpu {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    /** Milliseconds the JIT compilers have spent so far, or -1 where the JVM does not tell. */
    static long compilingMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** CPU nanoseconds used so far, or -1 where the platform does not tell. */
    static long nanos() {
        return OS.getProcessCpuTime();
    }
}
