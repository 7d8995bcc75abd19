package dev.researchvault.application.settings

import dev.researchvault.application.vault.VaultScope
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey

import java.util.function.Supplier

/** A {@link VaultScope} for in-memory fakes: there is no vault to open, so the work just runs. */
class DirectVaultScope implements VaultScope {

    @Override
    <T> T call(UserId user, MasterKey key, Supplier<T> work) {
        work.get()
    }
}
