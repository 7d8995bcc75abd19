package dev.researchvault.application.vault

import dev.researchvault.application.support.InMemoryVaults
import dev.researchvault.domain.vault.Vaults

class InMemoryVaultsSpec extends VaultsContractSpec {

    InMemoryVaults fake = new InMemoryVaults()

    @Override
    Vaults engine() {
        fake
    }
}
