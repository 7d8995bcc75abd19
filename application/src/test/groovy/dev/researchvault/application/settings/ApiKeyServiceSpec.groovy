package dev.researchvault.application.settings

import dev.researchvault.application.settings.ManageApiKeysUseCase.SaveApiKeyCommand
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.RuleViolationException
import spock.lang.Specification

import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset

class ApiKeyServiceSpec extends Specification {

    static final String CLEAR = 'sk-proj-9Z8Y7X6W5V4U4f2a'

    InMemoryApiKeyStore store = new InMemoryApiKeyStore()
    MutableClock clock = new MutableClock(Instant.parse('2026-05-01T09:00:00Z'))
    ApiKeyService service = new ApiKeyService(store, InMemoryVaultScope.work(), clock)
    def alice = SettingsServiceSpec.session('alice')

    def "a saved key is answered masked, never in clear"() {
        when:
        def summary = service.save(alice, new SaveApiKeyCommand('openai', CLEAR, 'personal', true))

        then:
        summary == new ApiKeySummary('openai', 'sk-…4f2a', 'personal', true, clock.instant(), null)
        !summary.toString().contains(CLEAR)
        service.list(alice) == [summary]
    }

    def "using a key hands it over in clear and records the use"() {
        given:
        service.save(alice, new SaveApiKeyCommand('openai', CLEAR, null, true))
        clock.now = Instant.parse('2026-05-02T10:00:00Z')

        when:
        def used = service.useKey(alice, 'openai')

        then:
        used.get().reveal() == CLEAR
        service.list(alice)[0].lastUsedAt() == Instant.parse('2026-05-02T10:00:00Z')
    }

    def "a parked or missing key is not handed out, and its use is not recorded"() {
        given:
        service.save(alice, new SaveApiKeyCommand('openai', CLEAR, null, false))

        expect:
        service.useKey(alice, 'openai').isEmpty()
        service.useKey(alice, 'anthropic').isEmpty()
        service.list(alice)[0].lastUsedAt() == null
    }

    def "deleting removes the key; deleting a missing key is not found"() {
        given:
        service.save(alice, new SaveApiKeyCommand('openai', CLEAR, null, true))

        when:
        service.delete(alice, 'openai')

        then:
        service.list(alice) == []

        when:
        service.delete(alice, 'openai')

        then:
        thrown(NotFoundException)
    }

    def "bad input is refused before anything is stored"() {
        when:
        service.save(alice, new SaveApiKeyCommand(provider, key, description, true))

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == code
        !refused.message.contains(String.valueOf(key))
        InMemoryVaultScope.bind(alice.userId()) { store.all() } == []

        where:
        provider        | key                | description || code
        'Open AI'       | CLEAR              | null        || 'api-key.invalid-provider'
        'x' * 65        | CLEAR              | null        || 'api-key.invalid-provider'
        ''              | CLEAR              | null        || 'api-key.invalid-provider'
        'openai'        | 'short-key'        | null        || 'api-key.invalid-key'
        'openai'        | 'sk-' + 'a' * 510  | null        || 'api-key.invalid-key'
        'openai'        | 'sk-with space-12' | null        || 'api-key.invalid-key'
        'openai'        | null               | null        || 'api-key.invalid-key'
        'openai'        | CLEAR              | 'd' * 201   || 'api-key.invalid-description'
        'openai'        | CLEAR              | 'line\nfeed' || 'api-key.invalid-description'
    }

    /** A clock the spec moves by hand. */
    static class MutableClock extends Clock {
        Instant now

        MutableClock(Instant now) { this.now = now }

        @Override
        java.time.ZoneId getZone() { ZoneOffset.UTC }

        @Override
        Clock withZone(java.time.ZoneId zone) { this }

        @Override
        Instant instant() { now }
    }
}
