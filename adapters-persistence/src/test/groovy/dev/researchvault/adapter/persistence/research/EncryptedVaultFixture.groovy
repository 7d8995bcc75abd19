package dev.researchvault.adapter.persistence.research

import dev.researchvault.application.vault.Transactions
import dev.researchvault.application.vault.VaultScope
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey
import dev.researchvault.domain.vault.Vaults
import io.micronaut.context.ApplicationContext

import javax.sql.DataSource
import java.nio.file.Files
import java.nio.file.Path
import java.security.SecureRandom
import java.util.function.Supplier

/**
 * A persistence context over a temporary data directory, and a fresh encrypted vault (new user, random key)
 * whenever a spec asks for one: the real SQLCipher files, Flyway migrations and routing data source.
 */
class EncryptedVaultFixture implements AutoCloseable {

    final Path dataDir = Files.createTempDirectory('rv-persistence-')
    final ApplicationContext context
    UserId user
    MasterKey key

    EncryptedVaultFixture(Map<String, Object> extraProperties = [:]) {
        context = ApplicationContext.run([
                'vault.data-dir'            : dataDir.toString(),
                'datasources.default.dialect': 'ANSI',
        ] + extraProperties)
    }

    /** Creates an empty vault for a new user and makes it the one {@link #inVault} works in. */
    void newVault() {
        byte[] bytes = new byte[MasterKey.LENGTH]
        new SecureRandom().nextBytes(bytes)
        user = UserId.random()
        key = new MasterKey(bytes)
        context.getBean(Vaults).create(user, key)
    }

    /** Runs {@code work} with the vault bound, in one transaction. */
    def <T> T inVault(Closure<T> work) {
        Transactions transactions = context.getBean(Transactions)
        context.getBean(VaultScope).call(user, key, { transactions.inTransaction(work as Supplier<T>) } as Supplier<T>)
    }

    /** The number of rows of {@code table} in the bound vault, read with plain JDBC. */
    long countRows(String table) {
        assert table ==~ /[a-z_]+/
        inVault {
            def connection = context.getBean(DataSource).connection
            try {
                def result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM ${table}")
                result.next()
                result.getLong(1)
            } finally {
                connection.close()
            }
        }
    }

    @Override
    void close() {
        context.close()
        dataDir.toFile().deleteDir()
    }
}
