package dev.researchvault.adapter.persistence.settings

import dev.researchvault.adapter.persistence.support.VaultPerUserFixture
import dev.researchvault.adapter.persistence.vault.CurrentVault
import dev.researchvault.application.settings.SettingsStoreContractSpec
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.settings.SettingsStore
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.time.Duration

/** The settings contract on the store as the application uses it: the cache in front of encrypted SQLite. */
class CachedJdbcSettingsStoreSpec extends SettingsStoreContractSpec {

    @Shared
    @AutoCleanup
    VaultPerUserFixture vaults = new VaultPerUserFixture()

    @Shared
    SettingsStore cachedStore = new CachingSettingsStore(vaults.context.getBean(JdbcSettingsStore), CurrentVault::owner, 100, Duration.ofMinutes(5))

    @Override
    SettingsStore getStore() {
        cachedStore
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
