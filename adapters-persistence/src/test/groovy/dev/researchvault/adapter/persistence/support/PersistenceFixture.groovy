package dev.researchvault.adapter.persistence.support

import dev.researchvault.application.vault.VaultOwner
import dev.researchvault.adapter.persistence.vault.OpenVaults
import dev.researchvault.adapter.persistence.vault.SqliteVaults
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey
import io.micronaut.context.ApplicationContext

import java.nio.file.Files
import java.nio.file.Path
import java.security.SecureRandom
import java.util.function.Supplier

/**
 * A Micronaut context of the persistence adapters over a fresh temporary data directory, for specs of
 * adapters that need beans (Micronaut Data repositories, the routing data source). Vaults are real
 * encrypted files; keys are random (no KDF needed below the account layer).
 *
 * <pre>
 * def fixture = PersistenceFixture.start()
 * def alice = fixture.newVault()
 * fixture.inVault(alice) { fixture.bean(SomePort).doSomething() }
 * </pre>
 */
class PersistenceFixture implements AutoCloseable {

    final Path dataDir
    final ApplicationContext context

    private PersistenceFixture(Path dataDir, ApplicationContext context) {
        this.dataDir = dataDir
        this.context = context
    }

    static PersistenceFixture start(Map<String, Object> extraProperties = [:]) {
        Path dataDir = Files.createTempDirectory('rv-persistence-')
        Map<String, Object> properties = [
                'vault.data-dir'            : dataDir.toString(),
                'datasources.default.dialect': 'ANSI',
        ] + extraProperties
        new PersistenceFixture(dataDir, ApplicationContext.run(properties))
    }

    public <T> T bean(Class<T> type) {
        context.getBean(type)
    }

    SqliteVaults getVaults() {
        bean(SqliteVaults)
    }

    /** Creates a new user's encrypted vault under a random key. */
    UserVault newVault() {
        byte[] bytes = new byte[32]
        new SecureRandom().nextBytes(bytes)
        def vault = new UserVault(UserId.random(), new MasterKey(bytes))
        vaults.create(vault.user, vault.key, EncryptedFiles.TEST_KDF)
        vault
    }

    /** Runs {@code work} with the user's vault bound, as a use case would. */
    public <T> T inVault(VaultOwner vault, Closure<T> work) {
        bean(OpenVaults).call(vault.userId(), vault.key(), work as Supplier<T>)
    }

    @Override
    void close() {
        context.close()
        dataDir.toFile().deleteDir()
    }

    /** A user id with the key of their vault. */
    static class UserVault implements VaultOwner {
        final UserId user
        final MasterKey key

        UserVault(UserId user, MasterKey key) {
            this.user = user
            this.key = key
        }

        @Override
        UserId userId() {
            user
        }

        @Override
        MasterKey key() {
            key
        }
    }
}
