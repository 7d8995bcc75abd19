package dev.researchvault.application.settings

import dev.researchvault.application.account.Session
import dev.researchvault.application.settings.ChangeSettingUseCase.ChangeSettingCommand
import dev.researchvault.application.settings.ReadSettingsUseCase.ListSettingsQuery
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.application.vault.VaultOwner
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.account.Username
import dev.researchvault.domain.settings.SettingValue
import dev.researchvault.domain.settings.SettingsCatalog
import dev.researchvault.domain.vault.MasterKey
import spock.lang.Specification

import java.time.Instant

class SettingsServiceSpec extends Specification {

    InMemorySettingsStore store = new InMemorySettingsStore()
    SettingsService service = serviceOver(TestCatalogs.sample())
    Session alice = session('alice')

    SettingsService serviceOver(SettingsCatalog catalog) {
        new SettingsService(catalog, store, InMemoryVaultScope.work())
    }

    static Session session(String name) {
        new Session('token-' + name, UserId.random(), new Username(name), new MasterKey(new byte[32]), 0,
                Instant.EPOCH, Instant.EPOCH.plusSeconds(3600))
    }

    def "without overrides every setting has its default"() {
        when:
        def settings = service.list(alice, ListSettingsQuery.everything())

        then:
        settings*.definition()*.key() == ['backup.enabled', 'backup.max_count', 'llm.model', 'llm.temperature',
                                          'report.sections', 'search.engine', 'search.iterations']
        settings.every { !it.overridden() && it.value() == it.definition().defaultValue() }
    }

    def "listing by category keeps only that category"() {
        expect:
        service.list(alice, new ListSettingsQuery(Optional.of('backup')))*.definition()*.key() ==
                ['backup.enabled', 'backup.max_count']
        service.list(alice, new ListSettingsQuery(Optional.of('nothing-here'))) == []
    }

    def "a changed setting is read back as overridden, in its setting's type"() {
        when:
        def answered = service.change(alice, new ChangeSettingCommand(key, offered))

        then:
        answered.overridden()
        answered.value() == expected
        service.get(alice, key).value() == expected
        InMemoryVaultScope.bind(alice.userId()) { store.overrides() } == [(key): stored]

        where:
        key                 | offered                           || expected                            | stored
        'llm.model'         | new SettingValue.Text('o3')       || new SettingValue.Text('o3')         | 'o3'
        'llm.temperature'   | new SettingValue.Whole(1)         || new SettingValue.Decimal(1.0)       | '1.0'
        'search.iterations' | new SettingValue.Whole(10)        || new SettingValue.Whole(10)          | '10'
        'search.engine'     | new SettingValue.Text('brave')    || new SettingValue.Text('brave')      | 'brave'
        'backup.enabled'    | new SettingValue.Flag(false)      || new SettingValue.Flag(false)        | 'false'
        'report.sections'   | new SettingValue.Text('all')      || new SettingValue.Json('"all"')      | '"all"'
    }

    def "a value that breaks the setting's rules is refused with the reason, and nothing is stored"() {
        when:
        service.change(alice, new ChangeSettingCommand(key, offered))

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'settings.invalid-value'
        refused.message.contains(reason)
        InMemoryVaultScope.bind(alice.userId()) { store.overrides() } == [:]

        where:
        key                 | offered                          || reason
        'search.iterations' | new SettingValue.Text('3')       || 'whole number'
        'search.iterations' | new SettingValue.Decimal(2.5)    || 'whole number'
        'search.iterations' | new SettingValue.Whole(11)       || 'between 1 and 10'
        'backup.max_count'  | new SettingValue.Whole(0)        || 'between 1 and 30'
        'llm.temperature'   | new SettingValue.Decimal(2.01)   || 'between 0 and 2'
        'llm.temperature'   | new SettingValue.Flag(true)      || 'a number'
        'search.engine'     | new SettingValue.Text('bing')    || 'one of: searxng, brave, tavily'
        'backup.enabled'    | new SettingValue.Text('yes')     || 'true or false'
        'llm.model'         | new SettingValue.Whole(4)        || 'a string'
        'llm.model'         | new SettingValue.Text('x' * 4097) || 'at most 4096'
    }

    def "unknown keys are not found, whatever the operation"() {
        when:
        operation(service, alice)

        then:
        thrown(NotFoundException)

        where:
        operation << [
                { SettingsService s, Session who -> s.get(who, 'llm.nope') },
                { SettingsService s, Session who -> s.change(who, new ChangeSettingCommand('llm.nope', new SettingValue.Text('x'))) },
                { SettingsService s, Session who -> s.reset(who, 'llm.nope') },
        ]
    }

    def "resetting returns a setting to its default, and resetting again is harmless"() {
        given:
        service.change(alice, new ChangeSettingCommand('search.iterations', new SettingValue.Whole(7)))

        when:
        def first = service.reset(alice, 'search.iterations')
        def second = service.reset(alice, 'search.iterations')

        then:
        [first, second].every { !it.overridden() && it.value() == new SettingValue.Whole(3) }
        InMemoryVaultScope.bind(alice.userId()) { store.overrides() } == [:]
    }

    def "two users' overrides are independent"() {
        given:
        def bob = session('bob')

        when:
        service.change(alice, new ChangeSettingCommand('llm.model', new SettingValue.Text('o3')))

        then:
        service.get(alice, 'llm.model').value() == new SettingValue.Text('o3')
        service.get(bob, 'llm.model').value() == new SettingValue.Text('gpt-4o-mini')
    }

    def "a new shipped default reaches users without an override, and not those with one"() {
        given: 'alice chose her model under the old release; bob did not'
        def bob = session('bob')
        service.change(alice, new ChangeSettingCommand('llm.model', new SettingValue.Text('o3')))

        when: 'the next release ships another default over the same stored overrides'
        def nextRelease = serviceOver(TestCatalogs.sample('gpt-5'))

        then:
        nextRelease.get(bob, 'llm.model').value() == new SettingValue.Text('gpt-5')
        !nextRelease.get(bob, 'llm.model').overridden()
        nextRelease.get(alice, 'llm.model').value() == new SettingValue.Text('o3')
    }

    def "an override the current release no longer accepts falls back to the default"() {
        given: 'an older release allowed 50 backups'
        InMemoryVaultScope.bind(alice.userId()) { store.put('backup.max_count', '50') }

        expect:
        with(service.get(alice, 'backup.max_count')) {
            value() == new SettingValue.Whole(1)
            !overridden()
        }
    }

    def "other use cases read typed values, each read binding the owner's vault itself"() {
        given: 'an owner that is not a session, as a background job has'
        def owner = VaultOwner.of(alice.userId(), alice.key())
        service.change(alice, new ChangeSettingCommand('backup.max_count', new SettingValue.Whole(12)))

        expect:
        service.intValue(owner, 'backup.max_count') == 12
        service.boolValue(owner, 'backup.enabled')
        service.floatValue(owner, 'llm.temperature') == 0.7d
        service.stringValue(owner, 'search.engine') == 'searxng'

        when:
        service.intValue(owner, 'llm.model')

        then:
        thrown(IllegalArgumentException)
    }
}
