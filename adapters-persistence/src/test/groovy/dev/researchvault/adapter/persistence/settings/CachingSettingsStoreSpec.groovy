package dev.researchvault.adapter.persistence.settings

import dev.researchvault.application.settings.InMemorySettingsStore
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.NoVaultBoundException
import spock.lang.Specification

import java.time.Duration

/**
 * The cache itself: reads are served from it, and every write in a vault drops only that vault's entry. The
 * vault in play is the one bound to the call, as in production ({@code CurrentVault::owner}).
 */
class CachingSettingsStoreSpec extends Specification {

    InMemorySettingsStore underlying = new InMemorySettingsStore()
    CachingSettingsStore cached = cache(underlying)
    UserId alice = UserId.random()
    UserId bob = UserId.random()

    static CachingSettingsStore cache(InMemorySettingsStore store) {
        new CachingSettingsStore(store, InMemoryVaultScope::owner, 100, Duration.ofMinutes(5))
    }

    static <T> T inVaultOf(UserId user, Closure<T> work) {
        InMemoryVaultScope.bind(user, work)
    }

    def "a read is served from the cache until that user writes"() {
        given: 'alice read once; then her store changes behind the cache'
        inVaultOf(alice) { cached.overrides() }
        inVaultOf(alice) { underlying.put('app.theme', 'dark') }

        expect: 'the cache still answers the earlier read'
        inVaultOf(alice) { cached.overrides() } == [:]

        when: 'she writes through the cache'
        inVaultOf(alice) { cached.put('app.language', 'de') }

        then: 'her next read sees everything stored'
        inVaultOf(alice) { cached.overrides() } == ['app.theme': 'dark', 'app.language': 'de']
    }

    def "a write of one user leaves the other user's entry cached"() {
        given:
        inVaultOf(bob) { cached.overrides() }
        inVaultOf(bob) { underlying.put('app.theme', 'light') }

        when:
        inVaultOf(alice) {
            cached.put('app.theme', 'dark')
            cached.remove('app.theme')
        }

        then:
        inVaultOf(bob) { cached.overrides() } == [:]
    }

    def "a removal drops the cached entry too"() {
        given:
        inVaultOf(alice) {
            cached.put('app.theme', 'dark')
            cached.overrides()
        }

        when:
        def removed = inVaultOf(alice) { cached.remove('app.theme') }

        then:
        removed
        inVaultOf(alice) { cached.overrides() } == [:]
    }

    def "forgetting a user makes the next read go to the store"() {
        given:
        inVaultOf(alice) { cached.overrides() }
        inVaultOf(alice) { underlying.put('app.theme', 'dark') }

        when:
        cached.forget(alice)

        then:
        inVaultOf(alice) { cached.overrides() } == ['app.theme': 'dark']
    }

    def "a failed write still drops the entry, and the failure reaches the caller"() {
        given:
        def failing = cache(new InMemorySettingsStore() {
            @Override
            void put(String key, String storedValue) {
                super.put(key, storedValue)
                throw new IllegalStateException('disk full after the write')
            }
        })
        inVaultOf(alice) { failing.overrides() }

        when:
        inVaultOf(alice) { failing.put('app.theme', 'dark') }

        then:
        thrown(IllegalStateException)
        inVaultOf(alice) { failing.overrides() } == ['app.theme': 'dark']
    }

    def "a cached entry is not served outside a bound vault"() {
        given:
        inVaultOf(alice) { cached.overrides() }

        when:
        cached.overrides()

        then:
        thrown(NoVaultBoundException)
    }
}
