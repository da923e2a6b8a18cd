package org.lodestar.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the processor time of a page's run went, in milliseconds per request: the server's request threads (Tomcat's,
 * named {@code http-nio-...}), the benchmark's clients (each adds its own thread's time), the rest of this JVM (garbage
 * collection, the JIT compiler) and the rest of the machine (the database's processes, and whatever else runs: other
 * builds on a shared machine). Read from the JVM's thread timers and Linux's {@code /proc/stat}.
 */
final class CpuUse {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Milliseconds of processor per request, and how busy the machine's processors were (0-100%). */
    record PerRequest(double server, double clients, double jvm, double machineRest, double busyPercent) {}

    private final long server;
    private final long process;
    private final long[] machine;
    private final long started = System.nanoTime();

    private CpuUse() {
        this.server = serverNanos();
        this.process = SYSTEM.getProcessCpuTime();
        this.machine = machineTicks();
    }

    static CpuUse start() {
        return new CpuUse();
    }

    /** The CPU time of the calling thread, in nanoseconds, for clients to add up. */
    static long thisThread() {
        return THREADS.getCurrentThreadCpuTime();
    }

    PerRequest per(long requests, long clientNanos) {
        long elapsed = System.nanoTime() - started;
        double serverNanos = serverNanos() - server;
        double processNanos = SYSTEM.getProcessCpuTime() - process;
        long[] now = machineTicks();
        double nanosPerTick = 1e9 / 100; // USER_HZ
        double busy = (now[0] - machine[0]) * nanosPerTick;
        double all = (now[1] - machine[1]) * nanosPerTick;
        double per = Math.max(1, requests) * 1e6;
        return new PerRequest(
                serverNanos / per,
                clientNanos / per,
                Math.max(0, processNanos - serverNanos - clientNanos) / per,
                Math.max(0, busy - processNanos) / per,
                all > 0 ? 100 * busy / all : Double.NaN);
    }

    /** The load average over the last minute, five and fifteen, as Linux gives it. */
    static String loadAverage() {
        try {
            List<String> parts =
                    List.of(Files.readString(Path.of("/proc/loadavg")).split(" "));
            return String.join(" ", parts.subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long serverNanos() {
        long sum = 0;
        for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("http-nio")) {
                long time = THREADS.getThreadCpuTime(info.getThreadId());
                sum += Math.max(0, time);
            }
        }
        return sum;
    }

    /** Busy and all ticks of every processor since boot; zeros where {@code /proc/stat} is not there. */
    private static long[] machineTicks() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                all += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {all - idle, all};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
