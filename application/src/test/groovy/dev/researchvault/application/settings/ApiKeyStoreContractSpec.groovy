package dev.researchvault.application.settings

import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.apikey.ApiKey
import dev.researchvault.domain.apikey.ApiKeySecret
import dev.researchvault.domain.apikey.ApiKeyStore
import dev.researchvault.domain.apikey.ProviderName
import dev.researchvault.domain.vault.NoVaultBoundException
import spock.lang.Specification

import java.time.Instant

/** What every {@link ApiKeyStore} does; see {@link SettingsStoreContractSpec} for the subclass hooks. */
abstract class ApiKeyStoreContractSpec extends Specification {

    static final Instant CREATED = Instant.parse('2026-03-01T10:15:30.123Z')

    abstract ApiKeyStore getStore()

    abstract UserId newUser()

    abstract <T> T inVault(UserId user, Closure<T> work)

    static ApiKey key(String provider, String secret = 'sk-test-0123456789abcdef', String description = 'work account',
                      boolean active = true) {
        ApiKey.stored(new ProviderName(provider), ApiKeySecret.of(secret), description, active, CREATED)
    }

    def "a new user has no keys"() {
        given:
        def user = newUser()

        expect:
        inVault(user) { store.all() } == []
        inVault(user) { store.find(new ProviderName('openai')) } == Optional.empty()
    }

    def "a saved key is found with every field"() {
        given:
        def user = newUser()
        def saved = key('openai', 'sk-proj-AAAABBBBCCCC4f2a', description, active)

        when:
        inVault(user) { store.save(saved) }

        then:
        def found = inVault(user) { store.find(new ProviderName('openai')) }.get()
        found == saved
        found.secret().reveal() == 'sk-proj-AAAABBBBCCCC4f2a'
        found.lastUsedAt() == null

        where:
        description    | active
        'work account' | true
        null           | false
    }

    def "saving again for a provider replaces the key"() {
        given:
        def user = newUser()
        inVault(user) { store.save(key('openai', 'sk-first-key-0000000')) }

        when:
        inVault(user) { store.save(key('openai', 'sk-second-key-111111', 'new one')) }

        then:
        inVault(user) { store.all() }*.secret()*.reveal() == ['sk-second-key-111111']
        inVault(user) { store.all() }*.description() == ['new one']
    }

    def "keys are listed by provider"() {
        given:
        def user = newUser()

        when:
        inVault(user) {
            ['tavily', 'anthropic', 'openai'].each { store.save(key(it)) }
        }

        then:
        inVault(user) { store.all() }*.provider()*.value() == ['anthropic', 'openai', 'tavily']
    }

    def "removing answers whether there was a key"() {
        given:
        def user = newUser()
        inVault(user) { store.save(key('openai')) }

        expect:
        inVault(user) { store.remove(new ProviderName('openai')) }
        !inVault(user) { store.remove(new ProviderName('openai')) }
        inVault(user) { store.all() } == []
    }

    def "marking a key used records the time and nothing else"() {
        given:
        def user = newUser()
        def saved = key('openai')
        def usedAt = Instant.parse('2026-03-02T08:00:00.456Z')
        inVault(user) { store.save(saved) }

        when:
        inVault(user) { store.markUsed(new ProviderName('openai'), usedAt) }

        then:
        def found = inVault(user) { store.find(new ProviderName('openai')) }.get()
        found.lastUsedAt() == usedAt
        found.secret() == saved.secret()
        found.createdAt() == CREATED
    }

    def "marking a missing key used does nothing"() {
        given:
        def user = newUser()

        when:
        inVault(user) { store.markUsed(new ProviderName('ghost'), CREATED) }

        then:
        inVault(user) { store.all() } == []
    }

    def "two users' keys are independent"() {
        given:
        def alice = newUser()
        def bob = newUser()

        when:
        inVault(alice) { store.save(key('openai', 'sk-alice-000000000000')) }
        inVault(bob) { store.save(key('openai', 'sk-bob-1111111111111')) }
        inVault(bob) { store.remove(new ProviderName('openai')) }

        then:
        inVault(alice) { store.all() }*.secret()*.reveal() == ['sk-alice-000000000000']
        inVault(bob) { store.all() } == []
    }

    def "with no vault bound, #method refuses and changes nothing"() {
        given:
        def user = newUser()
        def saved = key('openai')
        inVault(user) { store.save(saved) }

        when:
        call(store)

        then:
        thrown(NoVaultBoundException)
        inVault(user) { store.all() } == [saved]

        where:
        method     | call
        'all'      | { ApiKeyStore s -> s.all() }
        'find'     | { ApiKeyStore s -> s.find(new ProviderName('openai')) }
        'save'     | { ApiKeyStore s -> s.save(key('openai', 'sk-intruder-00000000')) }
        'remove'   | { ApiKeyStore s -> s.remove(new ProviderName('openai')) }
        'markUsed' | { ApiKeyStore s -> s.markUsed(new ProviderName('openai'), CREATED.plusSeconds(1)) }
    }
}
