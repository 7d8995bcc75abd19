package dev.researchvault.application.ldr

import dev.researchvault.application.account.Session
import dev.researchvault.application.research.ResearchVaults
import dev.researchvault.application.settings.InMemoryApiKeyStore
import dev.researchvault.application.settings.InMemorySettingsStore
import dev.researchvault.application.settings.SettingsServiceSpec
import dev.researchvault.application.settings.TestCatalogs
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.application.vault.RecordingTransactions
import dev.researchvault.application.vault.VaultWork
import dev.researchvault.application.vault.WritesInTransaction
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.apikey.ApiKeySecret
import dev.researchvault.domain.apikey.ApiKeyStore
import dev.researchvault.domain.apikey.ProviderName
import dev.researchvault.domain.ldr.LdrApiKey
import dev.researchvault.domain.ldr.LdrLogLine
import dev.researchvault.domain.ldr.LdrResearch
import dev.researchvault.domain.ldr.LdrResource
import dev.researchvault.domain.ldr.LdrSetting
import dev.researchvault.domain.research.ResearchFilter
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.research.ResearchStatus
import spock.lang.Specification

import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset

import static dev.researchvault.application.ldr.LdrKind.API_KEYS
import static dev.researchvault.application.ldr.LdrKind.LOGS
import static dev.researchvault.application.ldr.LdrKind.REPORTS
import static dev.researchvault.application.ldr.LdrKind.RESEARCH
import static dev.researchvault.application.ldr.LdrKind.RESOURCES
import static dev.researchvault.application.ldr.LdrKind.SETTINGS

class LdrImportServiceSpec extends Specification {

    static final String ID = '11111111-1111-4111-8111-111111111111'
    static final String KEY = 'sk-ldr-0123456789abcdef'

    FakeLdrDatabase ldr = new FakeLdrDatabase()
    ResearchRepository research = ResearchVaults.perUser()
    InMemoryApiKeyStore keyStore = new InMemoryApiKeyStore()
    ApiKeyStore apiKeys = WritesInTransaction.of(ApiKeyStore, keyStore, ['save', 'remove', 'markUsed'])
    InMemorySettingsStore settings = new InMemorySettingsStore()
    Clock clock = Clock.fixed(Instant.parse('2026-06-01T12:00:00Z'), ZoneOffset.UTC)
    LdrImportService service = new LdrImportService(ldr, new VaultWork(new InMemoryVaultScope(), new RecordingTransactions()), research, apiKeys,
            TestCatalogs.sample(), settings, clock)
    Session alice = SettingsServiceSpec.session('alice')

    def "a research comes over with its report, resources and log lines, under its LDR id"() {
        given:
        ldr.research << row(ID, 'completed', report: '# Found it')
        ldr.resources << new LdrResource(ID, 'A source', 'https://example.org/a', 'preview', 'web', '2025-05-01T10:01:00')
        ldr.logs << new LdrLogLine(ID, '2025-05-01 10:00:01.000000', 'MILESTONE', 'Searching')
        ldr.logs << new LdrLogLine(ID, '2025-05-01 10:00:02.000000', 'ERROR', 'A source failed')

        when:
        LdrImportResult result = service.importLdr(alice, command())

        then:
        counts(result.imported()) == [research: 1, reports: 1, resources: 1, logs: 2, settings: 0, apiKeys: 0]
        counts(result.skipped()).values().every { it == 0 }
        def stored = bound { research.find(UUID.fromString(ID)).get() }
        stored.status() == ResearchStatus.COMPLETED
        stored.createdAt() == Instant.parse('2025-05-01T10:00:00Z')
        stored.completedAt() == Instant.parse('2025-05-01T10:05:00Z')
        stored.durationSeconds() == 300
        bound { research.report(stored.id()).get().content() } == '# Found it'
        bound { research.resources(stored.id(), new PageRequest(0, 10)).items()*.url() } == ['https://example.org/a']
        bound { research.logs(stored.id(), 0, 10)*.level() } == ['info', 'error']
        ldr.closed
    }

    def "statuses of LDR become ours: #ldrStatus is #ours"() {
        given:
        ldr.research << row(ID, ldrStatus)

        when:
        service.importLdr(alice, command())

        then:
        bound { research.find(UUID.fromString(ID)).get().status() } == ours

        where:
        ldrStatus     || ours
        'completed'   || ResearchStatus.COMPLETED
        'suspended'   || ResearchStatus.SUSPENDED
        'cancelled'   || ResearchStatus.CANCELLED
        'in_progress' || ResearchStatus.CANCELLED
        'queued'      || ResearchStatus.CANCELLED
        'error'       || ResearchStatus.FAILED
        'failed'      || ResearchStatus.FAILED
        null          || ResearchStatus.FAILED
    }

    def "rows our rules refuse, and rows of research not imported, are skipped and counted"() {
        given:
        ldr.research << row(ID, 'completed', query: '', report: 'lost with its research')
        ldr.research << row(UUID.randomUUID().toString(), 'completed', created: 'yesterday')
        ldr.research << row('42', 'completed', mode: 'Quick Summary')
        ldr.resources << new LdrResource(ID, 'of a skipped research', 'https://example.org/', null, null, null)
        ldr.logs << new LdrLogLine(ID, null, 'INFO', 'of a skipped research')

        when:
        LdrImportResult result = service.importLdr(alice, command())

        then:
        counts(result.imported()).values().every { it == 0 }
        counts(result.skipped()) == [research: 3, reports: 1, resources: 1, logs: 1, settings: 0, apiKeys: 0]
    }

    def "an id that is not a UUID gets a new one, and its rows follow it"() {
        given:
        ldr.research << row('7', 'completed')
        ldr.resources << new LdrResource('7', null, 'https://example.org/', null, null, 'garbled')

        when:
        service.importLdr(alice, command())

        then:
        def stored = bound { research.list(ResearchFilter.all(), new PageRequest(0, 10)).items() }
        stored.size() == 1
        bound { research.resources(stored[0].id(), new PageRequest(0, 10)).items()[0].createdAt() } == stored[0].createdAt()
    }

    def "importing the same database twice imports nothing the second time"() {
        given:
        ldr.research << row(ID, 'completed', report: 'r')
        ldr.apiKeys << new LdrApiKey('serpapi', KEY, null, true)
        ldr.settings << new LdrSetting('search.iterations', 5L)
        service.importLdr(alice, command())

        when:
        LdrImportResult again = service.importLdr(alice, command())

        then:
        counts(again.imported()).values().every { it == 0 }
        counts(again.skipped()) == [research: 1, reports: 1, resources: 0, logs: 0, settings: 1, apiKeys: 1]
    }

    def "settings come over when LDR's value differs from LDR's default and our rules take it"() {
        given:
        ldr.settings << new LdrSetting('llm.temperature', 0.7d)          // LDR's default: not imported, not counted
        ldr.settings << new LdrSetting('search.iterations', 5L)          // changed: imported
        ldr.settings << new LdrSetting('llm.model', 'gpt-4o')            // changed: imported
        ldr.settings << new LdrSetting('search.questions_per_iteration', 4L) // no counterpart in this catalog: skipped
        ldr.settings << new LdrSetting('app.debug', true)                // no counterpart at all: not counted

        when:
        LdrImportResult result = service.importLdr(alice, command())

        then:
        result.imported()[SETTINGS] == 2
        result.skipped()[SETTINGS] == 1
        bound { settings.overrides() } == ['search.iterations': '5', 'llm.model': 'gpt-4o']
    }

    def "a setting out of our range, or one the caller already overrides, is skipped"() {
        given:
        bound { settings.put('llm.model', 'mine') }
        ldr.settings << new LdrSetting('search.iterations', 50L)
        ldr.settings << new LdrSetting('llm.model', 'gpt-4o')

        when:
        LdrImportResult result = service.importLdr(alice, command())

        then:
        result.skipped()[SETTINGS] == 2
        bound { settings.overrides() } == ['llm.model': 'mine']
    }

    def "API keys come from the key table and from settings ending in .api_key; the caller's own keys stay"() {
        given:
        bound { keyStore.save(dev.researchvault.domain.apikey.ApiKey.stored(new ProviderName('anthropic'),
                ApiKeySecret.of('sk-ant-mine-0123456789'), null, true, clock.instant())) }
        ldr.apiKeys << new LdrApiKey('serpapi', 'serp-0123456789abcdef', 'SerpAPI', true)
        ldr.settings << new LdrSetting('llm.openai.api_key', KEY)
        ldr.settings << new LdrSetting('llm.anthropic.api_key', 'sk-ant-theirs-0123456789')
        ldr.settings << new LdrSetting('search.engine.web.brave.api_key', '')
        ldr.settings << new LdrSetting('llm.google.api_key', 'short')

        when:
        LdrImportResult result = service.importLdr(alice, command())

        then:
        result.imported()[API_KEYS] == 2
        result.skipped()[API_KEYS] == 2
        def stored = bound { keyStore.all() }
        stored*.provider()*.value() == ['anthropic', 'openai', 'serpapi']
        stored.find { it.provider().value() == 'openai' }.secret().reveal() == KEY
        stored.find { it.provider().value() == 'anthropic' }.secret().reveal() == 'sk-ant-mine-0123456789'
    }

    def "a wrong password changes nothing and wipes the password"() {
        given:
        ldr.research << row(ID, 'completed')
        def command = new ImportLdrCommand(new byte[0], null, 'not it'.toCharArray())

        when:
        service.importLdr(alice, command)

        then:
        RuleViolationException refused = thrown()
        refused.code() == 'ldr.wrong-password'
        bound { research.find(UUID.fromString(ID)) }.isEmpty()
        command.password().every { it == '\0' as char }
    }

    def "a file that fails half-way fails the import after writing only inside its transaction, and is closed"() {
        given:
        ldr.research << row(ID, 'completed')
        ldr.settings << new LdrSetting('search.iterations', 5L)
        ldr.failureAfterLogs = new RuleViolationException('ldr.not-a-database', 'damaged')

        when:
        service.importLdr(alice, command())

        then: 'the research was written in the transaction that fails (the fakes refuse writes outside one)'
        thrown(RuleViolationException)
        ldr.closed
        bound { settings.overrides() } == [:]
    }

    def "the command never shows the password or the bytes"() {
        expect:
        !command().toString().contains('ldr password')
    }

    private ImportLdrCommand command() {
        new ImportLdrCommand(new byte[16384], new byte[32], 'ldr password'.toCharArray())
    }

    private <T> T bound(Closure<T> work) {
        InMemoryVaultScope.bind(alice.userId(), work)
    }

    private static LdrResearch row(Map fields = [:], String id, String status) {
        new LdrResearch(id, fields.containsKey('query') ? fields.query : 'What is SQLCipher?', fields.mode ?: 'quick',
                status, fields.created ?: '2025-05-01T10:00:00+00:00', '2025-05-01T10:05:00+00:00', 'A title', null,
                [:], fields.report as String)
    }

    private static Map<String, Integer> counts(Map<LdrKind, Integer> counts) {
        [research : counts[RESEARCH], reports: counts[REPORTS], resources: counts[RESOURCES], logs: counts[LOGS],
         settings : counts[SETTINGS], apiKeys: counts[API_KEYS]]
    }
}
