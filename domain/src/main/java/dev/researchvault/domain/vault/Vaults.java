package dev.researchvault.domain.vault;

import dev.researchvault.domain.account.UserId;

/**
 * The encrypted files of every user: creating, unlocking, re-keying and destroying a user's vault
 * ({@code vault.db} and {@code blobs.db}).
 */
public interface Vaults {

    /**
     * Creates both files of a new user, encrypted under keys derived from {@code key}, with the current
     * schema. All or nothing: on any failure every file it created is removed before the error propagates.
     *
     * @throws dev.researchvault.domain.ConflictException {@code vault.exists} if the user already has files
     */
    void create(UserId user, MasterKey key);

    /**
     * Opens the user's vault with {@code key}, migrating it to the current schema on first open, and keeps
     * it open for the requests that follow. Concurrent calls for one user open and migrate it once.
     *
     * @return false when the key does not open the vault (a wrong password); true when it is the vault's
     *         key — normally the vault is then open; a damaged vault whose key is proven still answers true
     *         (its owner must be able to log in to check it and restore a backup), and requests that need
     *         it fail with {@link dev.researchvault.domain.UnavailableException}
     * @throws dev.researchvault.domain.UnavailableException when the files are missing or damaged
     */
    boolean unlock(UserId user, MasterKey key);

    /**
     * Spends the time an {@link #unlock} with a wrong key would, against a decoy file, so that an unknown
     * user cannot be told from a wrong password by timing. Always answers false.
     */
    boolean unlockDecoy(MasterKey key);

    /**
     * Re-encrypts both files of the user under {@code newKey}. While it runs, the user's vault is closed
     * and no request can open it. Steps: write re-encrypted, verified copies beside the live files; run
     * {@code copiesReady} (the caller records the new key parameters durably there); then swap the copies
     * in. A crash before {@code copiesReady} completed leaves the live files as they were; a crash after it
     * is finished by {@link #recoverRekey}.
     *
     * @throws dev.researchvault.domain.UnauthenticatedException when {@code currentKey} does not open the vault
     */
    void rekey(UserId user, MasterKey currentKey, MasterKey newKey, Runnable copiesReady);

    /**
     * Finishes or rolls back a password change a crash interrupted. With {@code staged} true (the new
     * parameters were recorded) waiting copies are swapped in; with false they are deleted. Idempotent and
     * cheap when nothing is waiting.
     */
    void recoverRekey(UserId user, boolean staged);

    /** Closes the user's open vault once no request uses it, forgetting its keys. Idempotent. */
    void close(UserId user);

    /** Closes and deletes every file of the user. Idempotent. */
    void destroy(UserId user);

    /** Every user that has files (a vault or backups) in the data directory, account or not. */
    java.util.Set<UserId> usersWithFiles();
}
