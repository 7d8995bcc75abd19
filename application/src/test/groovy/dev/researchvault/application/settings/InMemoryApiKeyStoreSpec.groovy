package dev.researchvault.application.settings

import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.apikey.ApiKeyStore

class InMemoryApiKeyStoreSpec extends ApiKeyStoreContract {

    ApiKeyStore store = new InMemoryApiKeyStore()

    @Override
    UserId newUser() {
        UserId.random()
    }

    @Override
    <T> T inVault(UserId user, Closure<T> work) {
        work.call()
    }
}
