package dev.researchvault.application.account

import dev.researchvault.application.support.InMemoryAccountRegistry
import dev.researchvault.domain.account.AccountRegistry

class InMemoryAccountRegistrySpec extends AccountRegistryContract {

    @Override
    AccountRegistry newRegistry() {
        new InMemoryAccountRegistry()
    }
}
