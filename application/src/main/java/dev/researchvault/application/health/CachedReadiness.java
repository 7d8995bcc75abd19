package dev.researchvault.application.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Runs the storage check at most once per {@code reuseFor}, and one at a time: callers that arrive while it runs
 * wait for its answer instead of starting their own. {@code GET /health} is anonymous and the check writes
 * files and runs the encryption; unshared, 100 callers of it slowed every user's reads sixfold (issue 18).
 */
public final class CachedReadiness implements CheckReadinessUseCase {

    private final StorageHealth health;
    private final Duration reuseFor;
    private final Clock clock;

    private StorageHealth.Report last;
    private Instant checkedAt = Instant.MIN;

    public CachedReadiness(StorageHealth health, Duration reuseFor, Clock clock) {
        this.health = Objects.requireNonNull(health);
        this.reuseFor = Objects.requireNonNull(reuseFor);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Synchronized on purpose: the waiting callers are exactly the ones that would otherwise run the check again,
     * and they find the fresh answer once they get in.
     */
    @Override
    public synchronized StorageHealth.Report readiness() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(checkedAt.plus(reuseFor))) {
            last = health.check();
            checkedAt = clock.instant();
        }
        return last;
    }
}
