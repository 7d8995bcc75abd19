package dev.researchvault.application.support

import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.UnauthenticatedException
import dev.researchvault.domain.UnavailableException
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey
import dev.researchvault.domain.vault.Vaults

import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList

/**
 * {@link Vaults} as key bytes in memory: each user's two files remember the key they are encrypted under, a
 * password change stages new-key copies and swaps them in file by file, and the markers of half-done work
 * are kept, so specs can check what a crash or a race would leave. {@code gates} holds a thread on entering
 * an operation (point = method name); {@code swapFailure}, when set, fails the next swap after its first file
 * (an I/O error half-way).
 */
class InMemoryVaults implements Vaults {

    static final List<String> FILES = ['vault.db', 'blobs.db']
    static final String REGISTERING = '.registering'
    static final String DELETING = '.deleting'

    /** One user's directory. */
    static class Files {
        final Map<String, byte[]> keys = [:]
        final Map<String, byte[]> staged = [:]
        final Set<String> markers = []
        KdfParameters kdf
        KdfParameters stagedKdf
        boolean open
    }

    final Map<UserId, Files> users = new ConcurrentHashMap<>()
    final Set<UserId> quarantined = ConcurrentHashMap.newKeySet()
    final Gates gates = new Gates()
    /** Every call of {@link #recoverInterrupted}, as {@code [user, rekeyStaged]}. */
    final List<List> recoveries = new CopyOnWriteArrayList<>()
    final List<UserId> markersCleared = new CopyOnWriteArrayList<>()
    volatile RuntimeException swapFailure
    volatile int decoyUnlocks

    @Override
    void create(UserId user, MasterKey key, KdfParameters kdf) {
        gates.pass('create')
        def files = new Files(kdf: kdf)
        FILES.each { files.keys[it] = key.copyBytes() }
        files.markers << REGISTERING
        if (users.putIfAbsent(user, files) != null) {
            throw new ConflictException('vault.exists', 'the user already has files')
        }
    }

    @Override
    void creationCommitted(UserId user) {
        files(user).markers.remove(REGISTERING)
    }

    @Override
    boolean unlock(UserId user, MasterKey key, KdfParameters kdf) {
        gates.pass('unlock')
        def files = users[user]
        if (files == null) {
            throw new UnavailableException('vault.unavailable', 'the vault files are missing')
        }
        if (!opensWith(user, key)) {
            return false
        }
        files.open = true
        true
    }

    @Override
    boolean unlockDecoy(MasterKey key) {
        decoyUnlocks++
        false
    }

    @Override
    void rekey(UserId user, MasterKey currentKey, MasterKey newKey, KdfParameters newKdf, Runnable copiesReady) {
        gates.pass('rekey')
        if (!opensWith(user, currentKey)) {
            throw new UnauthenticatedException('session.invalid', 'the key does not open the vault')
        }
        def files = files(user)
        files.open = false
        FILES.each { files.staged[it] = newKey.copyBytes() }
        files.stagedKdf = newKdf
        try {
            copiesReady.run()
        } catch (RuntimeException failure) {
            discard(files)
            throw failure
        }
        swapIn(files)
    }

    @Override
    void recoverInterrupted(UserId user, boolean rekeyStaged) {
        recoveries << [user, rekeyStaged]
        def files = users[user]
        if (files == null || files.staged.isEmpty()) {
            return
        }
        files.open = false
        rekeyStaged ? swapIn(files) : discard(files)
    }

    @Override
    void close(UserId user) {
        users[user]?.open = false
    }

    @Override
    void beginDeletion(UserId user) {
        gates.pass('beginDeletion')
        files(user).markers << DELETING
    }

    @Override
    void destroy(UserId user) {
        users.remove(user)
    }

    @Override
    Set<UserId> usersWithFiles() {
        users.keySet().asImmutable()
    }

    @Override
    OrphanOutcome settleOrphan(UserId user) {
        def files = users.remove(user)
        if (files.markers.any { it in [REGISTERING, DELETING] }) {
            return OrphanOutcome.REMOVED_OWN_LEFTOVER
        }
        quarantined << user
        OrphanOutcome.QUARANTINED
    }

    @Override
    void clearMarkers(UserId user) {
        markersCleared << user
        files(user).markers.clear()
    }

    /** Whether {@code key} opens every file of the user (a vault with files under two keys opens with none). */
    boolean opensWith(UserId user, MasterKey key) {
        def files = users[user]
        files != null && FILES.every { Arrays.equals(files.keys[it], key.copyBytes()) }
    }

    Files files(UserId user) {
        def files = users[user]
        assert files != null: "no files for ${user}"
        files
    }

    private void swapIn(Files files) {
        files.staged.keySet().toList().each { file ->
            files.keys[file] = files.staged.remove(file)
            def failure = swapFailure
            if (failure != null) {
                swapFailure = null
                throw failure
            }
        }
        files.kdf = files.stagedKdf
    }

    private static void discard(Files files) {
        files.staged.clear()
        files.stagedKdf = null
    }
}
