package dev.researchvault.application.account;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Makes a failed login for an unknown name and one with a wrong password take the same time on average.
 * Both already do the same work (a KDF and a failed open), yet the reliability suite measured unknown names
 * 6–15 ms slower over 50 interleaved tries — enough, with patience, to tell which names exist. So each kind
 * keeps a moving average of its own duration, and every failure waits until it has taken as long as the
 * slower kind's average. Only failures wait; successful logins are never padded.
 */
public final class FailedLoginPadding {

    /** Weight of a new sample in the moving averages: 1/8. */
    private static final int SMOOTHING_SHIFT = 3;
    private static final long MAX_PAD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong unknownNameNanos = new AtomicLong();
    private final AtomicLong wrongPasswordNanos = new AtomicLong();
    private final LongSupplier nanoTime;
    private final LongConsumer sleepNanos;

    public FailedLoginPadding(LongSupplier nanoTime, LongConsumer sleepNanos) {
        this.nanoTime = nanoTime;
        this.sleepNanos = sleepNanos;
    }

    /** With the system clock, sleeping the calling (blocking) thread. */
    public static FailedLoginPadding system() {
        return new FailedLoginPadding(System::nanoTime, nanos -> {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A point in time to pass back to {@link #pad} when the attempt fails. */
    public long start() {
        return nanoTime.getAsLong();
    }

    /** Records how long this failure took, then waits until it has lasted as long as the slower kind's average. */
    public void pad(boolean unknownName, long startedAt) {
        long took = nanoTime.getAsLong() - startedAt;
        average(unknownName ? unknownNameNanos : wrongPasswordNanos, took);
        long target = Math.max(unknownNameNanos.get(), wrongPasswordNanos.get());
        long remaining = Math.min(target - took, MAX_PAD_NANOS);
        if (remaining > 0) {
            sleepNanos.accept(remaining);
        }
    }

    private static void average(AtomicLong average, long sample) {
        average.updateAndGet(current -> current == 0 ? sample : current + ((sample - current) >> SMOOTHING_SHIFT));
    }
}
