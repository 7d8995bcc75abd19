package dev.researchvault.adapter.persistence.settings

import dev.researchvault.application.settings.InMemorySettingsStore
import dev.researchvault.domain.account.UserId
import spock.lang.Specification

import java.time.Duration

/** The cache itself: reads are served from it, and every write of a user drops only that user's entry. */
class CachingSettingsStoreSpec extends Specification {

    InMemorySettingsStore underlying = new InMemorySettingsStore()
    CachingSettingsStore cached = new CachingSettingsStore(underlying, 100, Duration.ofMinutes(5))
    UserId alice = UserId.random()
    UserId bob = UserId.random()

    def "a read is served from the cache until that user writes"() {
        given: 'alice read once; then her store changes behind the cache'
        cached.overrides(alice)
        underlying.put(alice, 'app.theme', 'dark')

        expect: 'the cache still answers the earlier read'
        cached.overrides(alice) == [:]

        when: 'she writes through the cache'
        cached.put(alice, 'app.language', 'de')

        then: 'her next read sees everything stored'
        cached.overrides(alice) == ['app.theme': 'dark', 'app.language': 'de']
    }

    def "a write of one user leaves the other user's entry cached"() {
        given:
        cached.overrides(bob)
        underlying.put(bob, 'app.theme', 'light')

        when:
        cached.put(alice, 'app.theme', 'dark')
        cached.remove(alice, 'app.theme')

        then:
        cached.overrides(bob) == [:]
    }

    def "a removal drops the cached entry too"() {
        given:
        cached.put(alice, 'app.theme', 'dark')
        cached.overrides(alice)

        when:
        def removed = cached.remove(alice, 'app.theme')

        then:
        removed
        cached.overrides(alice) == [:]
    }

    def "forgetting a user makes the next read go to the store"() {
        given:
        cached.overrides(alice)
        underlying.put(alice, 'app.theme', 'dark')

        when:
        cached.forget(alice)

        then:
        cached.overrides(alice) == ['app.theme': 'dark']
    }

    def "a failed write still drops the entry, and the failure reaches the caller"() {
        given:
        def failing = new CachingSettingsStore(new InMemorySettingsStore() {
            @Override
            void put(UserId user, String key, String storedValue) {
                super.put(user, key, storedValue)
                throw new IllegalStateException('disk full after the write')
            }
        }, 100, Duration.ofMinutes(5))
        failing.overrides(alice)

        when:
        failing.put(alice, 'app.theme', 'dark')

        then:
        thrown(IllegalStateException)
        failing.overrides(alice) == ['app.theme': 'dark']
    }
}
