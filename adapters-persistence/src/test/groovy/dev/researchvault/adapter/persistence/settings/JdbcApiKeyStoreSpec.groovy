package dev.researchvault.adapter.persistence.settings

import dev.researchvault.adapter.persistence.support.VaultPerUserFixture
import dev.researchvault.application.settings.ApiKeyStoreContractSpec
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.apikey.ApiKeyStore
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.nio.file.Files

/** The API-key contract on the real encrypted SQLite store, and that keys exist on disk only encrypted. */
class JdbcApiKeyStoreSpec extends ApiKeyStoreContractSpec {

    @Shared
    @AutoCleanup
    VaultPerUserFixture vaults = new VaultPerUserFixture()

    @Override
    ApiKeyStore getStore() {
        vaults.context.getBean(ApiKeyStore)
    }

    @Override
    UserId newUser() {
        vaults.newUser()
    }

    @Override
    <T> T inVault(UserId user, Closure<T> work) {
        vaults.inVault(user, work)
    }

    def "a stored key appears in no file of the vault in clear"() {
        given:
        def user = newUser()
        def clear = 'sk-live-PLAINTEXT-MARKER-7f3a9c'

        when:
        inVault(user) { store.save(key('openai', clear)) }

        then: 'the key is readable through the store'
        inVault(user) { store.all() }*.secret()*.reveal() == [clear]

        and: 'not in the bytes of the main file or its write-ahead log'
        def files = vaults.vaultFiles(user)
        !files.isEmpty()
        files.every { !new String(Files.readAllBytes(it), 'ISO-8859-1').contains(clear) }
    }
}
