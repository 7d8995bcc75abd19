package dev.researchvault.adapter.persistence.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.account.SessionStore;
import dev.researchvault.domain.UnauthenticatedException;
import dev.researchvault.domain.account.UserAccount;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in memory, in a Caffeine cache with idle and absolute expiry. Tokens are 256 random bits; the
 * cache is keyed by their SHA-256 so a token is not kept verbatim. Each user's master key is shared by
 * their sessions and wiped when the last one ends, whatever the cause; {@code lastSessionEnded} is told so
 * the user's vault can be closed.
 */
public final class CaffeineSessionStore implements SessionStore {

    private static final Logger LOG = LoggerFactory.getLogger(CaffeineSessionStore.class);
    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration absoluteTimeout;
    private final Consumer<UserId> lastSessionEnded;
    private final ConcurrentMap<UserId, SharedKey> keys = new ConcurrentHashMap<>();
    private final Cache<String, Session> sessions;

    public CaffeineSessionStore(SessionConfiguration configuration, Clock clock, Ticker ticker,
                                Consumer<UserId> lastSessionEnded) {
        this.clock = clock;
        this.absoluteTimeout = configuration.getAbsoluteTimeout();
        this.lastSessionEnded = lastSessionEnded;
        this.sessions = Caffeine.newBuilder()
                .expireAfter(new IdleOrAbsolute(configuration.getIdleTimeout(), clock))
                .ticker(ticker)
                // Expired sessions are removed (and keys wiped) promptly, not only when touched again.
                .scheduler(Scheduler.systemScheduler())
                .executor(Runnable::run)
                .removalListener((String digest, Session session, RemovalCause cause) -> {
                    if (session != null) {
                        onSessionEnded(session, cause);
                    }
                })
                .build();
    }

    /**
     * Shares the user's key only when it is the same key of the same generation. A stale shared key (an old
     * password's, left by a login that raced a password change) was once reused here for every later login,
     * whose tokens then all answered 401: now the stale key's sessions end and the new key replaces it.
     */
    @Override
    public Session open(UserAccount account, MasterKey key, long generation) {
        String token = newToken();
        Instant now = clock.instant();
        SharedKey[] replaced = {null};
        SharedKey shared;
        try {
            shared = keys.compute(account.id(), (user, existing) -> {
                if (existing == null || existing.key.isDestroyed()) {
                    return new SharedKey(key, generation);
                }
                if (existing.generation > generation) {
                    throw new UnauthenticatedException("session.invalid", "the session is no longer valid; log in again");
                }
                if (existing.generation == generation && existing.key.sameAs(key)) {
                    key.destroy();
                    existing.sessions++;
                    return existing;
                }
                replaced[0] = existing;
                return new SharedKey(key, generation);
            });
        } catch (RuntimeException stale) {
            key.destroy();
            throw stale;
        }
        if (replaced[0] != null) {
            endSessionsOf(account.id(), replaced[0]);
        }
        Session session = new Session(token, account.id(), account.username(), shared.key, generation, now,
                now.plus(absoluteTimeout));
        sessions.put(digest(token), session);
        LOG.info("event=session.opened user={}", account.id());
        return session;
    }

    @Override
    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        return Optional.ofNullable(sessions.getIfPresent(digest(token)))
                .filter(session -> clock.instant().isBefore(session.expiresAt()));
    }

    /** Read quietly: a heartbeat's question must not reset the idle expiry as {@link #find} does. */
    @Override
    public boolean isLive(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return false;
        }
        Session session = sessions.policy().getIfPresentQuietly(digest(token));
        return session != null && clock.instant().isBefore(session.expiresAt());
    }

    @Override
    public void close(String token) {
        if (token != null) {
            sessions.invalidate(digest(token));
        }
    }

    @Override
    public void closeAll(UserId user) {
        sessions.asMap().values().removeIf(session -> {
            if (session.userId().equals(user)) {
                // removeIf on the map view does not call the removal listener for us.
                onSessionEnded(session, RemovalCause.EXPLICIT);
                return true;
            }
            return false;
        });
    }

    @Override
    public int liveSessionsOf(UserId user) {
        // The map view skips expired entries and reads without touching them (no activity recorded).
        return (int) sessions.asMap().values().stream().filter(session -> session.userId().equals(user)).count();
    }

    /** Ends the sessions of a replaced stale key and wipes it; the user's vault stays (the new key uses it). */
    private void endSessionsOf(UserId user, SharedKey stale) {
        sessions.asMap().values().removeIf(session -> session.userId().equals(user) && session.key() == stale.key);
        stale.key.destroy();
        LOG.info("event=session.stale-key-replaced user={}", user);
    }

    /** Sessions alive now (for stats and tests). */
    public long liveSessions() {
        sessions.cleanUp();
        return sessions.estimatedSize();
    }

    private void onSessionEnded(Session session, RemovalCause cause) {
        boolean[] last = {false};
        keys.computeIfPresent(session.userId(), (user, shared) -> {
            if (shared.key != session.key()) {
                return shared;
            }
            shared.sessions--;
            if (shared.sessions > 0) {
                return shared;
            }
            shared.key.destroy();
            last[0] = true;
            return null;
        });
        LOG.info("event=session.ended user={} cause={}", session.userId(), cause);
        if (last[0]) {
            lastSessionEnded.accept(session.userId());
        }
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String digest(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }

    /** A master key, the key generation it was proven for, and the live sessions sharing it (guarded by the map's compute). */
    private static final class SharedKey {
        final MasterKey key;
        final long generation;
        int sessions = 1;

        SharedKey(MasterKey key, long generation) {
            this.key = key;
            this.generation = generation;
        }
    }

    /** Each access pushes expiry out by the idle timeout, never past the absolute expiry. */
    private record IdleOrAbsolute(Duration idle, Clock clock) implements Expiry<String, Session> {

        @Override
        public long expireAfterCreate(String digest, Session session, long currentTime) {
            return remaining(session);
        }

        @Override
        public long expireAfterUpdate(String digest, Session session, long currentTime, long currentDuration) {
            return remaining(session);
        }

        @Override
        public long expireAfterRead(String digest, Session session, long currentTime, long currentDuration) {
            return remaining(session);
        }

        private long remaining(Session session) {
            Duration untilAbsolute = Duration.between(clock.instant(), session.expiresAt());
            Duration remaining = untilAbsolute.compareTo(idle) < 0 ? untilAbsolute : idle;
            return Math.max(0, remaining.toNanos());
        }
    }
}
