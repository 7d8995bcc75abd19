package dev.researchvault.application.account;

import dev.researchvault.domain.TooManyAttemptsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins for one username within
 * {@code window}, further attempts for that name are refused until the window has passed since the first
 * failure. Unknown usernames are counted like known ones, so the answer reveals nothing.
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentMap<String, Failures> failuresByName = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** @throws TooManyAttemptsException while the name is locked out */
    public void checkAllowed(String canonicalName) {
        Failures failures = failuresByName.get(canonicalName);
        if (failures == null) {
            return;
        }
        Instant now = clock.instant();
        if (failures.expired(now, window)) {
            failuresByName.remove(canonicalName, failures);
            return;
        }
        if (failures.count() >= maxFailures) {
            Duration wait = Duration.between(now, failures.firstAt().plus(window));
            throw new TooManyAttemptsException("account.too-many-attempts",
                    "too many failed logins; try again later", wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    public void recordFailure(String canonicalName) {
        Instant now = clock.instant();
        failuresByName.compute(canonicalName, (name, failures) ->
                failures == null || failures.expired(now, window) ? new Failures(now, 1) : failures.plusOne());
        if (failuresByName.size() > 100_000) {
            // A flood of random names must not grow memory without bound: drop what has expired.
            failuresByName.entrySet().removeIf(entry -> entry.getValue().expired(now, window));
        }
    }

    public void recordSuccess(String canonicalName) {
        failuresByName.remove(canonicalName);
    }

    private record Failures(Instant firstAt, int count) {
        boolean expired(Instant now, Duration window) {
            return !now.isBefore(firstAt.plus(window));
        }

        Failures plusOne() {
            return new Failures(firstAt, count + 1);
        }
    }
}
