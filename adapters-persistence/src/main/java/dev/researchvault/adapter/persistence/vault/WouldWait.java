package dev.researchvault.adapter.persistence.vault;

/**
 * Thrown inside {@link OpenVaults#attempt} at the first step that would have to wait (a lock held or queued for,
 * a vault not open, no idle connection, a write, SQLite busy). The attempt catches it, also when a repository
 * wrapped it on its way out, and answers empty, so the read runs again on the blocking path. Without a stack
 * trace: it is a signal, not an error, and an event loop may throw it often.
 */
final class WouldWait extends RuntimeException {

    WouldWait(String step) {
        super(step, null, false, false);
    }

    /** Whether {@code failure} is this signal or was caused by it. */
    static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WouldWait) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
