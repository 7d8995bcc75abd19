package dev.researchvault.domain.vault;

import dev.researchvault.domain.account.KdfParameters;
import dev.researchvault.domain.account.UserId;

/**
 * The encrypted files of every user: creating, unlocking, re-keying and destroying a user's vault
 * ({@code vault.db} and {@code blobs.db}).
 */
public interface Vaults {

    /**
     * Creates both files of a new user, encrypted under keys derived from {@code key}, with the current
     * schema, and records beside them the KDF row {@code kdf} the key comes from (nothing secret: it makes
     * the directory, and every backup of it, openable with the password alone). All or nothing: on any failure every file it created is removed before the error propagates.
     * The new files are marked as a registration in progress until {@link #creationCommitted}: a crash in
     * between leaves files that start-up recognises as its own and removes.
     *
     * @throws dev.researchvault.domain.ConflictException {@code vault.exists} if the user already has files
     */
    void create(UserId user, MasterKey key, KdfParameters kdf);

    /** The account of a new vault is recorded: its files are no longer a registration in progress. */
    void creationCommitted(UserId user);

    /**
     * Opens the user's vault with {@code key}, migrating it to the current schema on first open, and keeps
     * it open for the requests that follow. Concurrent calls for one user open and migrate it once. The key
     * is proven on read-only connections first: an unproven key never writes. Once proven, the KDF row
     * {@code kdf} is recorded beside the files if it is not already (vaults created before it was).
     *
     * @return false when the key does not open the vault (a wrong password); true when it is the vault's
     *         key — normally the vault is then open; a damaged vault whose key is proven still answers true
     *         (its owner must be able to log in to check it and restore a backup), and requests that need
     *         it fail with {@link dev.researchvault.domain.UnavailableException}
     * @throws dev.researchvault.domain.UnavailableException when the files are missing or damaged
     */
    boolean unlock(UserId user, MasterKey key, KdfParameters kdf);

    /**
     * Spends the time an {@link #unlock} with a wrong key would, against a decoy file, so that an unknown
     * user cannot be told from a wrong password by timing. Always answers false.
     */
    boolean unlockDecoy(MasterKey key);

    /**
     * Re-encrypts both files of the user, and every backup of them, under {@code newKey} (whose parameters
     * {@code newKdf} each backup records). While it runs, the user's vault is closed and no request can open
     * it. Steps: write re-encrypted, verified copies beside the live files and in each backup; run
     * {@code copiesReady} (the caller records the new key parameters durably there); then swap every copy
     * in. A crash before {@code copiesReady} completed leaves all files as they were; a crash after it is
     * finished by {@link #recoverInterrupted}.
     *
     * @throws dev.researchvault.domain.UnauthenticatedException when {@code currentKey} does not open the vault
     */
    void rekey(UserId user, MasterKey currentKey, MasterKey newKey, KdfParameters newKdf, Runnable copiesReady);

    /**
     * Finishes or rolls back whatever a crash interrupted in the user's files: a password change (with
     * {@code rekeyStaged} true, the new parameters were recorded, so waiting copies are swapped in; with
     * false they are deleted), a restore (finished when all its copies were in place, else discarded), a
     * backup (its temporary directory deleted). Call it with no other operation of the user running.
     * Idempotent and cheap when nothing is waiting.
     */
    void recoverInterrupted(UserId user, boolean rekeyStaged);

    /** Closes the user's open vault once no request uses it, forgetting its keys. Idempotent. */
    void close(UserId user);

    /**
     * Marks the user's files as being deleted, before the account is removed: start-up then finishes a
     * deletion whose account is gone, and rolls back one whose account is still there.
     */
    void beginDeletion(UserId user);

    /** Closes and deletes every file of the user. Idempotent. */
    void destroy(UserId user);

    /** Every user that has files (a vault or backups) in the data directory, account or not. */
    java.util.Set<UserId> usersWithFiles();

    /**
     * Settles files no account owns. Files the server marked as its own half-done work (a registration
     * whose account was never recorded, a deletion whose account is gone) are deleted; anything else is
     * moved aside into quarantine, never deleted: it may be a live user's vault whose account a damaged or
     * stale registry lost.
     */
    OrphanOutcome settleOrphan(UserId user);

    /** Drops stale markers of half-done work from the files of a user whose account exists. */
    void clearMarkers(UserId user);

    /** What {@link #settleOrphan} did. */
    enum OrphanOutcome { REMOVED_OWN_LEFTOVER, QUARANTINED }
}
