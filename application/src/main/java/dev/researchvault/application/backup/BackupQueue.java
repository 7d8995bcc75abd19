package dev.researchvault.application.backup;

import dev.researchvault.domain.backup.BackupInfo;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One user's backup requests, run one at a time and shared like a group commit: a request is answered
 * by the first backup that <em>started after it arrived</em>. Requests that pile up while a backup runs are
 * all answered by the next one, so 20 concurrent requests write at most two backups, and nobody gets a
 * backup taken before the writes they made just before asking.
 */
final class BackupQueue {

    private final AtomicLong arrivals = new AtomicLong();
    private final ReentrantLock running = new ReentrantLock(true);
    private Round lastRound;

    BackupInfo submit(Supplier<BackupInfo> backup) {
        long ticket = arrivals.incrementAndGet();
        running.lock();
        try {
            if (lastRound != null && lastRound.covers(ticket)) {
                return lastRound.answer();
            }
            // Everyone who has arrived by now is served by this run: it starts after all of them.
            long covered = arrivals.get();
            try {
                lastRound = new Round(covered, backup.get(), null);
            } catch (RuntimeException failure) {
                lastRound = new Round(covered, null, failure);
            }
            return lastRound.answer();
        } finally {
            running.unlock();
        }
    }

    /** A finished backup run and the arrivals it answers. */
    private record Round(long coveredTickets, BackupInfo result, RuntimeException failure) {

        boolean covers(long ticket) {
            return ticket <= coveredTickets;
        }

        BackupInfo answer() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
