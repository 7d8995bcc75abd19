package dev.researchvault.application.account;

import dev.researchvault.domain.account.UserAccount;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import java.util.Optional;

/**
 * Live sessions, with idle and absolute expiry. Holds the users' master keys: a key enters with the first
 * session of its user and is wiped when the user's last session ends, by logout, revocation or expiry.
 */
public interface SessionStore {

    /**
     * Starts a session with a new random token for a key proven for the account's key {@code generation}.
     * Takes ownership of {@code key}. Live sessions of the user with the same key and generation share one
     * key object and {@code key} is wiped; live sessions of an older generation (or another key) are ended
     * first, so no session ever keeps a key that no longer opens the files.
     *
     * @throws dev.researchvault.domain.UnauthenticatedException {@code session.invalid} when the user already
     *         has sessions of a newer generation: this key is stale ({@code key} is wiped)
     */
    Session open(UserAccount account, MasterKey key, long generation);

    /** The live session of {@code token}; empty for unknown, ended or expired tokens. Counts as activity. */
    Optional<Session> find(String token);

    /**
     * Whether the session of {@code token} is still live, without counting as activity: an open event stream asks
     * this on every heartbeat, and must not keep an idle session from expiring.
     */
    boolean isLive(String token);

    /** Ends one session. Idempotent. */
    void close(String token);

    /** Ends every session of the user. Idempotent. */
    void closeAll(UserId user);

    /** How many sessions of the user are live now. Does not count as activity. */
    int liveSessionsOf(UserId user);
}
