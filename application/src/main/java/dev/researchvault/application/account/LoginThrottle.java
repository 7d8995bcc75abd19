package dev.researchvault.application.account;

import dev.researchvault.domain.TooManyAttemptsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Slows down password guessing, per account <em>and</em> client address:
 * <ul>
 *   <li>from one address, after {@code maxPerAddress} failed attempts at one name within {@code window},
 *       that address is refused for the name until the window has passed since its first failure;</li>
 *   <li>across all addresses, after {@code maxPerAccount} failed attempts at one name, the name takes at most
 *       one attempt per {@code slowdown}: its owner on another address is slowed, never locked out (a
 *       single lock-out per name let anyone lock anyone out).</li>
 * </ul>
 * Attempts still running count as failures until they end: counted only afterwards, 60 parallel guesses
 * were all evaluated by the slow KDF. An attempt beyond the allowance from one address waits (at most
 * {@code maxWait}) for those in flight to end instead of failing at once, so eight tabs logging in together
 * all succeed, and a burst of guesses gets the allowed few evaluated and the rest refused. Unknown usernames
 * are counted like known ones, so the answer reveals nothing.
 */
public final class LoginThrottle {

    /** Past this many tracked keys, idle expired entries are dropped: a flood of random names must not grow memory. */
    private static final int SWEEP_ABOVE = 100_000;

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Attempts> byAddress = new HashMap<>();
    private final Map<String, Attempts> byAccount = new HashMap<>();

    /**
     * @param maxPerAddress failures (and attempts in flight) from one address before it is refused for the name
     * @param maxPerAccount failures from all addresses before the name is slowed down
     * @param window        how long failures are remembered
     * @param slowdown      the least time between two attempts at a slowed-down name
     * @param maxWait       how long an attempt beyond the allowance waits for those in flight
     */
    public record Limits(int maxPerAddress, int maxPerAccount, Duration window, Duration slowdown, Duration maxWait) {
    }

    public LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Counts one attempt at {@code canonicalName} from {@code address}; the caller reports how it ended
     * ({@link Attempt#succeeded()}, {@link Attempt#failed()}) and closes it.
     *
     * @throws TooManyAttemptsException while the address is refused or the name is slowed down
     */
    public synchronized Attempt begin(String canonicalName, String address) {
        long deadline = System.nanoTime() + limits.maxWait().toNanos();
        while (true) {
            Instant now = clock.instant();
            Attempts fromAddress = current(byAddress, canonicalName + '\u0000' + address, now);
            Attempts atAccount = current(byAccount, canonicalName, now);
            if (fromAddress.failures >= limits.maxPerAddress()) {
                throw tooMany(Duration.between(now, fromAddress.firstAt.plus(limits.window())));
            }
            if (atAccount.failures >= limits.maxPerAccount() && now.isBefore(atAccount.lastAt.plus(limits.slowdown()))) {
                throw tooMany(Duration.between(now, atAccount.lastAt.plus(limits.slowdown())));
            }
            if (fromAddress.failures + fromAddress.inFlight < limits.maxPerAddress()) {
                fromAddress.inFlight++;
                atAccount.lastAt = now;
                sweepIfLarge(now);
                return new Attempt(fromAddress, atAccount);
            }
            awaitAnEnd(deadline);
        }
    }

    private void awaitAnEnd(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw tooMany(Duration.ofSeconds(1));
        }
        try {
            wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw tooMany(Duration.ofSeconds(1));
        }
    }

    private synchronized void ended(Attempt attempt, Outcome outcome) {
        attempt.fromAddress.inFlight--;
        if (outcome == Outcome.FAILED) {
            attempt.fromAddress.failures++;
            attempt.atAccount.failures++;
        } else if (outcome == Outcome.SUCCEEDED) {
            // The right password from this address: its earlier failures were the owner's typos.
            attempt.fromAddress.failures = 0;
        }
        notifyAll();
    }

    /** The entry for {@code key}; one whose window has passed starts a new window, keeping its attempts in flight. */
    private Attempts current(Map<String, Attempts> map, String key, Instant now) {
        Attempts attempts = map.computeIfAbsent(key, absent -> new Attempts(now));
        if (!now.isBefore(attempts.firstAt.plus(limits.window()))) {
            attempts.firstAt = now;
            attempts.failures = 0;
        }
        return attempts;
    }

    private void sweepIfLarge(Instant now) {
        for (Map<String, Attempts> map : List.of(byAddress, byAccount)) {
            if (map.size() > SWEEP_ABOVE) {
                map.values().removeIf(attempts -> attempts.inFlight == 0
                        && !now.isBefore(attempts.firstAt.plus(limits.window())));
            }
        }
    }

    private static TooManyAttemptsException tooMany(Duration wait) {
        return new TooManyAttemptsException("account.too-many-attempts", "too many failed logins; try again later",
                wait.isNegative() ? Duration.ZERO : wait);
    }

    private enum Outcome { SUCCEEDED, FAILED, ABANDONED }

    /** One counted attempt. Closing one that was not reported neither counts nor forgives (a 503, say). */
    public final class Attempt implements AutoCloseable {
        private final Attempts fromAddress;
        private final Attempts atAccount;
        private boolean ended;

        private Attempt(Attempts fromAddress, Attempts atAccount) {
            this.fromAddress = fromAddress;
            this.atAccount = atAccount;
        }

        /** The password was right. */
        public void succeeded() {
            end(Outcome.SUCCEEDED);
        }

        /** The password was wrong (or the user unknown). */
        public void failed() {
            end(Outcome.FAILED);
        }

        @Override
        public void close() {
            end(Outcome.ABANDONED);
        }

        private void end(Outcome outcome) {
            if (!ended) {
                ended = true;
                ended(this, outcome);
            }
        }
    }

    /** Failures in the current window and attempts in flight (guarded by the throttle's monitor). */
    private static final class Attempts {
        Instant firstAt;
        Instant lastAt;
        int failures;
        int inFlight;

        Attempts(Instant firstAt) {
            this.firstAt = firstAt;
            this.lastAt = firstAt;
        }
    }
}
