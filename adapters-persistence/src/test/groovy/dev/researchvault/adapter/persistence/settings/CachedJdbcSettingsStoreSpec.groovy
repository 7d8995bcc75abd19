package dev.researchvault.adapter.persistence.settings

import dev.researchvault.adapter.persistence.support.VaultPerUserFixture
import dev.researchvault.adapter.persistence.vault.CurrentVault
import dev.researchvault.adapter.persistence.vault.OpenVaults
import dev.researchvault.domain.vault.MasterKey
import java.util.function.Supplier
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

    def "inside an attempt without waiting, overrides not cached yet are left to the blocking path, cached ones are read"() {
        given: 'a user whose write just dropped their cached overrides'
        UserId user = newUser()
        inVault(user) { cachedStore.put('llm.model', 'stored') }
        OpenVaults openVaults = vaults.context.getBean(OpenVaults)
        MasterKey key = vaults.users[user].key
        Supplier<Map<String, String>> read = { openVaults.call(user, key, { cachedStore.overrides() } as Supplier) } as Supplier

        expect: 'a miss would load under the entry\'s lock: the attempt gives up; the blocking path loads'
        openVaults.attempt(read).isEmpty()
        read.get() == ['llm.model': 'stored']

        and: 'now cached, the attempt answers'
        openVaults.attempt(read) == Optional.of(['llm.model': 'stored'])
    }

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
