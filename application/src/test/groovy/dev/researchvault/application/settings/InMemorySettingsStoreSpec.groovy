package dev.researchvault.application.settings

import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.settings.SettingsStore

class InMemorySettingsStoreSpec extends SettingsStoreContract {

    SettingsStore store = new InMemorySettingsStore()

    @Override
    UserId newUser() {
        UserId.random()
    }

    @Override
    <T> T inVault(UserId user, Closure<T> work) {
        work.call()
    }
}
