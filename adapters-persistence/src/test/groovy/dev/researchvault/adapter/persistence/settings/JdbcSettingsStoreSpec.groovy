package dev.researchvault.adapter.persistence.settings

import dev.researchvault.adapter.persistence.support.VaultPerUserFixture
import dev.researchvault.application.settings.SettingsStoreContractSpec
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.settings.SettingsStore
import spock.lang.AutoCleanup
import spock.lang.Shared

/** The settings contract on the real encrypted SQLite store. */
class JdbcSettingsStoreSpec extends SettingsStoreContractSpec {

    @Shared
    @AutoCleanup
    VaultPerUserFixture vaults = new VaultPerUserFixture()

    @Override
    SettingsStore getStore() {
        vaults.context.getBean(JdbcSettingsStore)
    }

    @Override
    UserId newUser() {
        vaults.newUser()
    }

    @Override
    <T> T inVault(UserId user, Closure<T> work) {
        vaults.inVault(user, work)
    }
}
