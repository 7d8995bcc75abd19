package dev.researchvault.domain.settings

import spock.lang.Specification

class SettingDefinitionSpec extends Specification {

    static SettingDefinition define(SettingType type, SettingValue defaultValue, Double min = null, Double max = null,
                                    List<String> options = []) {
        new SettingDefinition('a.b', type, 'a', 'about a.b', defaultValue, min, max, options)
    }

    def "incoherent definitions are refused when the catalog is built"() {
        when:
        build()

        then:
        thrown(IllegalArgumentException)

        where:
        build << [
                { define(SettingType.INT, new SettingValue.Whole(40), 1d, 30d) },
                { define(SettingType.INT, new SettingValue.Whole(5), 10d, 1d) },
                { define(SettingType.STRING, new SettingValue.Text('x'), 1d, null) },
                { define(SettingType.ENUM, new SettingValue.Text('x')) },
                { define(SettingType.BOOL, new SettingValue.Flag(true), null, null, ['x']) },
                { define(SettingType.BOOL, new SettingValue.Text('true')) },
                { new SettingDefinition('NoDots', SettingType.BOOL, 'a', 'd', new SettingValue.Flag(true), null, null, []) },
        ]
    }

    def "a string setting named *_url takes http and https URLs with a host only: #value"() {
        given:
        def url = new SettingDefinition('llm.endpoint_url', SettingType.STRING, 'llm', 'd',
                new SettingValue.Text('http://localhost:11434'), null, null, [])

        expect:
        accepted == (url.fromStored(value).isPresent())

        where:
        value                        || accepted
        'http://localhost:11434'     || true
        'HTTPS://example.org/v1'     || true
        'file:///etc/passwd'         || false
        'jar:http://x/y.jar!/'       || false
        'ftp://example.org'          || false
        'http://'                    || false
        'localhost:11434'            || false
        'not a url at all'           || false
    }

    def "a string setting named *timezone takes IANA region ids only: #value"() {
        given:
        def zone = new SettingDefinition('app.timezone', SettingType.STRING, 'app', 'd', new SettingValue.Text('UTC'),
                null, null, [])

        expect:
        accepted == (zone.fromStored(value).isPresent())

        where:
        value            || accepted
        'UTC'            || true
        'Europe/Berlin'  || true
        'Mars/Olympus'   || false
        '+02:00'         || false
        ''               || false
    }

    def "a default that breaks its key's format stops the catalog"() {
        when:
        new SettingDefinition('llm.endpoint_url', SettingType.STRING, 'llm', 'd', new SettingValue.Text('file:///x'),
                null, null, [])

        then:
        thrown(IllegalArgumentException)
    }

    def "stored forms read back to the same value"() {
        given:
        def definition = define(type, value)

        expect:
        definition.fromStored(definition.storedForm(value)) == Optional.of(value)

        where:
        type             | value
        SettingType.STRING | new SettingValue.Text('quote " back \\ slash')
        SettingType.INT    | new SettingValue.Whole(-12)
        SettingType.FLOAT  | new SettingValue.Decimal(0.1)
        SettingType.BOOL   | new SettingValue.Flag(false)
        SettingType.JSON   | new SettingValue.Json('{"a":[1,2]}')
    }

    def "a stored form that no longer fits reads as nothing"() {
        expect:
        define(SettingType.INT, new SettingValue.Whole(1), 1d, 30d).fromStored(stored).isEmpty()

        where:
        stored << ['31', 'abc', '1.5', '']
    }

    def "a text offered to a json setting becomes a JSON string"() {
        expect:
        define(SettingType.JSON, new SettingValue.Json('{}')).accept(new SettingValue.Text('a "b"\n')) ==
                new SettingValue.Json('"a \\"b\\"\\n"')
    }
}
