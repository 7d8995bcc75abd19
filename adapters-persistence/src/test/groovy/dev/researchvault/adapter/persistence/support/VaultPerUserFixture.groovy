package dev.researchvault.adapter.persistence.support

import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.domain.account.UserId
import io.micronaut.context.ApplicationContext

import java.nio.file.Files
import java.nio.file.Path

/**
 * The settings specs' view of {@link PersistenceFixture}: users by id, each with a fresh encrypted vault
 * under a random master key (no KDF: it is not what these specs test).
 */
class VaultPerUserFixture implements AutoCloseable {

    private final PersistenceFixture persistence = PersistenceFixture.start()
    private final Map<UserId, PersistenceFixture.UserVault> users = [:].asSynchronized()

    ApplicationContext getContext() {
        persistence.context
    }

    /** A user with a freshly created, unlocked vault. */
    UserId newUser() {
        def vault = persistence.newVault()
        assert persistence.vaults.unlock(vault.user, vault.key, EncryptedFiles.TEST_KDF)
        users[vault.user] = vault
        vault.user
    }

    /** Runs {@code work} with the user's vault bound, the way use cases call their ports. */
    def <T> T inVault(UserId user, Closure<T> work) {
        persistence.inVault(users[user], work)
    }

    /** Every file of the user's vault.db on disk (main file and write-ahead log). */
    List<Path> vaultFiles(UserId user) {
        def dir = persistence.dataDir.resolve('users').resolve(user.toString())
        ['vault.db', 'vault.db-wal'].collect { dir.resolve(it) }.findAll { Files.exists(it) }
    }

    @Override
    void close() {
        persistence.close()
    }
}
