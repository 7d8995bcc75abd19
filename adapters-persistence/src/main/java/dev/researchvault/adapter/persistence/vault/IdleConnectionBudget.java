package dev.researchvault.adapter.persistence.vault;

import java.time.Duration;
import java.util.Arrays;

/**
 * How long a connection may stay idle now, so that at most {@code vault.max-idle-connections} do across all open
 * vaults: the configured idle time, or less when more are idle than that, such that the least recently used beyond
 * the bound are the ones that have been idle long enough. Expressing the bound as an idle time lets the sweep close
 * them through the one path every idle close takes ({@link OpenVault#closeIdleConnections}: under a lease, the
 * search queue applied first).
 */
final class IdleConnectionBudget {

    private IdleConnectionBudget() {
    }

    /**
     * @param idleFor  the configured idle time
     * @param maxIdle  how many idle connections may stay
     * @param idleSince since when each idle connection has been idle ({@link System#nanoTime}), in any order
     * @param now      {@link System#nanoTime} now
     * @return {@code idleFor}, or the idle time of the most recently used connection among those beyond the bound
     *         when that is shorter; ties with it are closed too
     */
    static Duration idleFor(Duration idleFor, int maxIdle, long[] idleSince, long now) {
        int beyond = idleSince.length - maxIdle;
        if (beyond <= 0) {
            return idleFor;
        }
        long[] oldestFirst = idleSince.clone();
        Arrays.sort(oldestFirst);
        Duration newestBeyond = Duration.ofNanos(Math.max(0, now - oldestFirst[beyond - 1]));
        return newestBeyond.compareTo(idleFor) < 0 ? newestBeyond : idleFor;
    }
}
