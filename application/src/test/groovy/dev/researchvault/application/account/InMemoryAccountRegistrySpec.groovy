package dev.researchvault.application.account

import dev.researchvault.application.support.InMemoryAccountRegistry
import dev.researchvault.domain.account.AccountRegistry

class InMemoryAccountRegistrySpec extends AccountRegistryContractSpec {

    InMemoryAccountRegistry inMemory

    @Override
    AccountRegistry newRegistry() {
        inMemory = new InMemoryAccountRegistry()
    }

    @Override
    void storageRefusesWrites() {
        inMemory.refusingWrites = true
    }

    @Override
    void storageRecovers() {
        inMemory.refusingWrites = false
    }
}
