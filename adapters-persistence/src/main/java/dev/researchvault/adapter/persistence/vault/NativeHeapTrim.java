package dev.researchvault.adapter.persistence.vault;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the memory that closed vaults freed back to the operating system. SQLite and SQLCipher allocate with the C
 * library's malloc, and glibc keeps what is freed in its arenas: with the README's launch (glibc, no other allocator)
 * the native memory of 256 open vaults (~270 MiB) stayed resident after every one of them had closed
 * (docs/benchmarks.md). So, polled every second: when vaults left the cache, idle connections were closed, users' last
 * sessions ended or the JIT compiled since the last trim and at least {@code vault.native-heap-trim-interval} has
 * passed, this asks the JVM's own diagnostic command {@code System.trim_native_heap} (glibc's {@code malloc_trim}; JDK 17.0.9 and later) through the platform MBean
 * server, so no native code of ours. Where the command is missing or the C library is not glibc, the first attempt
 * says so in the log and trimming stops.
 */
@Singleton
final class NativeHeapTrim {

    private static final Logger LOG = LoggerFactory.getLogger(NativeHeapTrim.class);

    /** One trim; false when trimming is not available here. */
    @FunctionalInterface
    interface Trimmer {
        boolean trim();
    }

    private final LongSupplier retirements;
    private final long intervalNanos;
    private final Trimmer trimmer;
    private final LongSupplier nanoTime;
    private long trimmedUpTo;
    private long lastTrim;
    private boolean available = true;

    @Inject
    NativeHeapTrim(OpenVaults vaults, VaultConfiguration configuration) {
        this(freeingEvents(vaults, NativeHeapTrim::jitMillis), configuration.getNativeHeapTrimInterval(), NativeHeapTrim::diagnosticCommand,
                System::nanoTime);
    }

    /**
     * What leaves freed native memory behind, counted since start: vaults retired, and idle connections closed (one
     * frees as much as a vault does), users' last sessions ended, even after their vault closed idle (600 logouts
     * left +34 MiB with glibc that no trim took back), and the JIT's work ({@link #jitMillis}): docs/benchmarks.md.
     */
    static LongSupplier freeingEvents(OpenVaults vaults, LongSupplier jitMillis) {
        return () -> vaults.retirements() + vaults.idleConnectionsClosed() + vaults.closeRequests()
                + jitMillis.getAsLong();
    }

    /**
     * Milliseconds the JIT has spent compiling since start; 0 where there is no JIT to ask (a native image). The JIT
     * compiles in arenas it frees to malloc after each compilation (34 MiB at their peak after the first 600 logouts),
     * and glibc keeps that too: a burst of new code paths (the first logouts of a server's life) still compiles after
     * the trim the burst's own events led to, so compiling counts as an event of its own. A warm server rarely
     * compiles, so this adds few trims.
     */
    static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    NativeHeapTrim(LongSupplier retirements, Duration interval, Trimmer trimmer, LongSupplier nanoTime) {
        this.retirements = retirements;
        this.intervalNanos = interval.toNanos();
        this.trimmer = trimmer;
        this.nanoTime = nanoTime;
        this.lastTrim = nanoTime.getAsLong() - intervalNanos;
    }

    /** Trims when vaults were retired since the last trim and the interval has passed; answers whether it did. */
    @Scheduled(fixedDelay = "1s", initialDelay = "5s")
    synchronized boolean afterVaultsClosed() {
        long retired = retirements.getAsLong();
        long now = nanoTime.getAsLong();
        if (!available || intervalNanos == 0 || retired == trimmedUpTo || now - lastTrim < intervalNanos) {
            return false;
        }
        trimmedUpTo = retired;
        lastTrim = now;
        available = trimmer.trim();
        if (!available) {
            LOG.info("event=native-heap.trim-unavailable (memory freed by closed vaults stays with the allocator)");
        }
        return available;
    }

    /** {@code System.trim_native_heap} through the DiagnosticCommand MBean; false where it is missing or unsupported. */
    static boolean diagnosticCommand() {
        try {
            long started = System.nanoTime();
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[] {null}, new String[] {String[].class.getName()});
            LOG.debug("event=native-heap.trimmed micros={} {}", (System.nanoTime() - started) / 1_000, answer);
            // "Trim native heap: RSS+Swap: 520064K->231244K (…)" when it worked; a sentence without "->" otherwise.
            return String.valueOf(answer).contains("->");
        } catch (JMException | RuntimeException | LinkageError unavailable) {
            return false;
        }
    }
}
