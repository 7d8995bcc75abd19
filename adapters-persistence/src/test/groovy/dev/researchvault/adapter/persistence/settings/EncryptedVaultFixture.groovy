package dev.researchvault.adapter.persistence.settings

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import dev.researchvault.application.vault.VaultScope
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey
import dev.researchvault.domain.vault.Vaults
import io.micronaut.context.ApplicationContext
import org.slf4j.LoggerFactory

import java.nio.file.Files
import java.nio.file.Path
import java.security.SecureRandom
import java.util.function.Supplier

/**
 * Real encrypted vaults for persistence specs: the persistence adapters' beans in a Micronaut context over a
 * temporary data directory. Users get random master keys (no KDF: it is not what these specs test).
 */
class EncryptedVaultFixture implements AutoCloseable {

    final Path dataDir = Files.createTempDirectory('rv-settings-')
    final ApplicationContext context
    final Vaults vaults
    final VaultScope scope
    private final Map<UserId, MasterKey> keys = [:].asSynchronized()

    EncryptedVaultFixture() {
        // No logback-test.xml in this module: keep the console to warnings.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).level = Level.WARN
        context = ApplicationContext.run([
                'vault.data-dir'             : dataDir.toString(),
                'datasources.default.dialect': 'ANSI',
        ])
        vaults = context.getBean(Vaults)
        scope = context.getBean(VaultScope)
    }

    /** A user with a freshly created, unlocked vault. */
    UserId newUser() {
        byte[] bytes = new byte[MasterKey.LENGTH]
        new SecureRandom().nextBytes(bytes)
        def user = UserId.random()
        def key = new MasterKey(bytes)
        vaults.create(user, key)
        assert vaults.unlock(user, key)
        keys[user] = key
        user
    }

    /** Runs {@code work} with the user's vault bound, the way use cases call their ports. */
    def <T> T inVault(UserId user, Closure<T> work) {
        scope.call(user, keys[user], work as Supplier<T>)
    }

    /** Every file of the user's vault.db on disk (main file and write-ahead log). */
    List<Path> vaultFiles(UserId user) {
        def dir = dataDir.resolve('users').resolve(user.toString())
        ['vault.db', 'vault.db-wal'].collect { dir.resolve(it) }.findAll { Files.exists(it) }
    }

    @Override
    void close() {
        context.close()
        dataDir.toFile().deleteDir()
    }
}
