package dev.researchvault.domain.account;

import java.time.Instant;
import java.util.Optional;

/**
 * The registry of accounts: who exists and how each one's key is derived. Holds no secret. Apart from
 * {@link #recordLogin}, a method whose storage cannot be read or written throws
 * {@link dev.researchvault.domain.UnavailableException} ({@code registry.unavailable}) and changes nothing.
 */
public interface AccountRegistry {

    /** The account whose name equals {@code username} ignoring case, if any. */
    Optional<UserAccount> findByUsername(Username username);

    /**
     * Adds a new account.
     *
     * @throws dev.researchvault.domain.ConflictException {@code account.username-taken} when the name
     *         (ignoring case) is already registered; nothing is written then
     */
    void add(UserAccount account);

    /**
     * Records a successful login time, best effort: the time is informational, so when the storage refuses
     * the write (a full disk, a read-only file) it is dropped and logged, never thrown — a full disk must not
     * stop anyone from logging in to read. Unknown ids are ignored.
     */
    void recordLogin(UserId id, Instant at);

    /**
     * First half of a password change: remembers the new parameters next to the current ones, once the
     * re-encrypted copies of the vault files are complete. Idempotent.
     */
    void stageKdfChange(UserId id, KdfParameters newKdf);

    /** Second half: the staged parameters become the current ones. Does nothing when none are staged. */
    void completeKdfChange(UserId id);

    /** Removes the account; true when one was removed. */
    boolean remove(UserId id);

    /** Whether an account with this id exists. */
    boolean exists(UserId id);
}
