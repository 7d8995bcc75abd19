package dev.researchvault.adapter.persistence.settings

import dev.researchvault.domain.settings.SettingType
import dev.researchvault.domain.settings.SettingValue
import io.micronaut.json.JsonMapper
import spock.lang.Shared
import spock.lang.Specification

class SettingsDefaultsFileSpec extends Specification {

    @Shared
    JsonMapper json = JsonMapper.createDefault()

    def "the shipped defaults load, with every category the application relies on"() {
        when:
        def catalog = SettingsDefaultsFile.load(json, SettingsDefaultsFile.SHIPPED)

        then:
        catalog.all()*.category().toSet().containsAll(['llm', 'search', 'report', 'app', 'backup'])
        catalog.all().every { !it.description().isBlank() }
    }

    def "the shipped backup settings are as the backups expect them"() {
        given:
        def catalog = SettingsDefaultsFile.load(json, SettingsDefaultsFile.SHIPPED)

        expect:
        with(catalog.require(key)) {
            type() == expectedType
            defaultValue() == expectedDefault
            min() == expectedMin
            max() == expectedMax
        }

        where:
        key                   | expectedType     | expectedDefault               | expectedMin | expectedMax
        'backup.enabled'      | SettingType.BOOL | new SettingValue.Flag(true)   | null        | null
        'backup.max_count'    | SettingType.INT  | new SettingValue.Whole(1)     | 1d          | 30d
        'backup.max_age_days' | SettingType.INT  | new SettingValue.Whole(7)     | 1d          | 90d
    }

    def "json defaults are kept as compact JSON"() {
        expect:
        SettingsDefaultsFile.load(json, SettingsDefaultsFile.SHIPPED).require('report.sections').defaultValue() ==
                new SettingValue.Json('["summary","findings","sources"]')
    }

    def "a broken entry fails loading and names the key at fault"() {
        when:
        SettingsDefaultsFile.parse(json, """{"settings": [${entry}]}""".getBytes('UTF-8'))

        then:
        def failure = thrown(IllegalStateException)
        failure.message.contains(reason)

        where:
        entry                                                                                                    || reason
        '{"key":"a.b","type":"int","category":"a","description":"d","default":40,"min":1,"max":30}'              || 'a.b'
        '{"key":"a.b","type":"int","category":"a","description":"d","default":1.5}'                              || 'a.b'
        '{"key":"a.b","type":"colour","category":"a","description":"d","default":"red"}'                         || 'a.b'
        '{"key":"a.b","type":"enum","category":"a","description":"d","default":"x","options":["y"]}'             || 'a.b'
        '{"key":"a.b","type":"string","category":"a","description":"d"}'                                        || 'default'
        '{"type":"string","category":"a","description":"d","default":"x"}'                                      || 'key'
    }

    def "two entries with one key are refused"() {
        given:
        def entry = '{"key":"a.b","type":"bool","category":"a","description":"d","default":true}'

        when:
        SettingsDefaultsFile.parse(json, """{"settings": [${entry}, ${entry}]}""".getBytes('UTF-8'))

        then:
        thrown(IllegalArgumentException)
    }
}
