package dev.researchvault.application.vault;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a bounded read on a thread that must never wait (an HTTP event loop), or says it could not. Inside
 * {@link #attempt}, every {@link VaultScope#call} takes only what is free at once: the caller's vault already
 * open (never opened or migrated here), its shared lock without queueing behind anyone, an idle connection
 * already open (never a new one), and SQLite with its busy handler off. The first step that would have to wait
 * abandons the attempt before anything was read or written, and the caller runs the same read again where
 * waiting is fine (a blocking executor); so the read must be one it is harmless to start twice, and writes
 * inside an attempt are always abandoned before they begin.
 *
 * <p>What an attempt that succeeds returns or throws is exactly what the same read returns or throws on the
 * blocking path: it held the same lock and lease, so a password change, restore, deletion or logout waits for
 * it, and it saw the vault either before or after such a change, never during.
 */
public interface ReadsWithoutWaiting {

    /**
     * Runs {@code read} without waiting for anything.
     *
     * @return the read's result, or empty when some step would have had to wait (nothing was done)
     * @throws RuntimeException whatever the read itself throws (a domain error, say), as the blocking path would
     */
    <T> Optional<T> attempt(Supplier<T> read);

    /** Never runs anything without waiting: every attempt answers empty (for tests, and servers without an engine). */
    ReadsWithoutWaiting NEVER = new ReadsWithoutWaiting() {
        @Override
        public <T> Optional<T> attempt(Supplier<T> read) {
            return Optional.empty();
        }
    };
}
