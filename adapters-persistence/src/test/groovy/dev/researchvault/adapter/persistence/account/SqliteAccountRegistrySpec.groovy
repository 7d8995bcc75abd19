package dev.researchvault.adapter.persistence.account

import dev.researchvault.application.account.AccountRegistryContract
import dev.researchvault.domain.account.AccountRegistry
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration

class SqliteAccountRegistrySpec extends AccountRegistryContract {

    @TempDir
    Path dataDir

    List<SqliteAccountRegistry> opened = []

    @Override
    AccountRegistry newRegistry() {
        def registry = new SqliteAccountRegistry(dataDir.resolve('registry.db'), Duration.ofSeconds(5))
        opened << registry
        registry
    }

    def cleanup() {
        opened*.close()
    }

    def "accounts survive reopening the registry"() {
        given:
        def alice = account('alice')
        registry.add(alice)

        expect:
        newRegistry().findByUsername(alice.username()).get() == alice
    }
}
