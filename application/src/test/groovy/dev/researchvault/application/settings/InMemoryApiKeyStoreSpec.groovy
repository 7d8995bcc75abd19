package dev.researchvault.application.settings

import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.apikey.ApiKeyStore

class InMemoryApiKeyStoreSpec extends ApiKeyStoreContractSpec {

    ApiKeyStore store = new InMemoryApiKeyStore()

    @Override
    UserId newUser() {
        UserId.random()
    }

    @Override
    <T> T inVault(UserId user, Closure<T> work) {
        InMemoryVaultScope.bind(user, work)
    }
}
