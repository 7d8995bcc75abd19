package dev.researchvault.bootstrap.settings

import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.bootstrap.support.VaultHttpSpec
import org.sqlite.mc.SQLiteMCSqlCipherConfig

class SettingsHttpSpec extends VaultHttpSpec {

    def "a new user sees every shipped setting at its default"() {
        given:
        def token = newUser()

        when:
        def reply = get('/api/v1/settings', token)

        then:
        reply.status == 200
        def settings = reply.json
        settings*.category.toSet().containsAll(['llm', 'search', 'report', 'app', 'backup'])
        settings.every { !it.overridden && it.value == it.default }
        with(settings.find { it.key == 'backup.max_count' }) {
            value == 1
            type == 'int'
            category == 'backup'
            description
            min == 1
            max == 30
        }
        reply.text.contains('"min":1,"max":30')
        settings.find { it.key == 'llm.temperature' }.max == 2
        settings.find { it.key == 'report.sections' }.value == ['summary', 'findings', 'sources']
        settings.find { it.key == 'search.engine' }.options.contains('searxng')
    }

    def "the list can be narrowed to one category"() {
        given:
        def token = newUser()

        expect:
        get('/api/v1/settings?category=backup', token).json*.key ==
                ['backup.enabled', 'backup.max_age_days', 'backup.max_count']
        get('/api/v1/settings?category=no-such-category', token).json == []
    }

    def "a changed setting is answered, read back alone and in the list, as overridden"() {
        given:
        def token = newUser()

        when:
        def changed = put("/api/v1/settings/${key}", [value: value], token)

        then:
        changed.status == 200
        changed.json.value == expected
        changed.json.overridden
        get("/api/v1/settings/${key}", token).json.value == expected
        get('/api/v1/settings', token).json.find { it.key == key }.value == expected

        where:
        key                   | value                         || expected
        'llm.model'           | 'claude-sonnet-4'             || 'claude-sonnet-4'
        'llm.temperature'     | 1                             || 1.0
        'llm.temperature'     | 0.25                          || 0.25
        'search.iterations'   | 5                             || 5
        'search.engine'       | 'brave'                       || 'brave'
        'search.safe_search'  | false                         || false
        'app.shortcuts'       | [search: 'ctrl+k']            || [search: 'ctrl+k']
        'report.sections'     | ['summary']                   || ['summary']
    }

    def "every read right after a write sees the write"() {
        given:
        def token = newUser()

        expect:
        (1..6).every { round ->
            put('/api/v1/settings/search.iterations', [value: round], token).status == 200 &&
                    get('/api/v1/settings/search.iterations', token).json.value == round &&
                    get('/api/v1/settings?category=search', token).json.find { it.key == 'search.iterations' }.value == round
        }
    }

    def "a value of the wrong type, out of range or not an option is refused with the reason"() {
        given:
        def token = newUser()

        when:
        def reply = put("/api/v1/settings/${key}", body, token)

        then:
        reply.status == 400
        reply.problem
        reply.json.code == 'settings.invalid-value'
        reply.json.detail.contains(reason)

        and: 'nothing was stored'
        !get("/api/v1/settings/${key}", token).json.overridden

        where:
        key                   | body                  || reason
        'backup.max_count'    | [value: '5']          || 'whole number'
        'backup.max_count'    | [value: 2.5]          || 'whole number'
        'backup.max_count'    | [value: 31]           || 'between 1 and 30'
        'backup.max_count'    | [value: 0]            || 'between 1 and 30'
        'backup.max_age_days' | [value: 91]           || 'between 1 and 90'
        'llm.temperature'     | [value: 2.5]          || 'between 0 and 2'
        'llm.temperature'     | [value: 'hot']        || 'a number'
        'backup.enabled'      | [value: 'yes']        || 'true or false'
        'search.engine'       | [value: 'altavista']  || 'must be one of'
        'llm.model'           | [value: 42]           || 'a string'
        'llm.model'           | [value: null]         || 'missing'
        'llm.model'           | [:]                   || 'missing'
        'llm.endpoint_url'    | [value: 'file:///etc/passwd']      || 'http or https URL'
        'llm.endpoint_url'    | [value: 'jar:http://x/y.jar!/']    || 'http or https URL'
        'llm.endpoint_url'    | [value: 'http://']                 || 'http or https URL'
        'llm.endpoint_url'    | [value: 'localhost:11434']         || 'http or https URL'
        'app.timezone'        | [value: 'Mars/Olympus']            || 'IANA time-zone id'
        'app.timezone'        | [value: '+02:00']                  || 'IANA time-zone id'
    }

    def "http and https URLs and IANA time-zone ids are stored"() {
        given:
        def token = newUser()

        expect:
        put("/api/v1/settings/${key}", [value: value], token).json.value == value

        where:
        key                | value
        'llm.endpoint_url' | 'https://llm.example.org:8443/v1'
        'llm.endpoint_url' | 'http://127.0.0.1:11434'
        'app.timezone'     | 'Europe/Berlin'
        'app.timezone'     | 'UTC'
    }

    def "PATCH changes several settings at once and answers them"() {
        given:
        def token = newUser()

        when:
        def reply = patch('/api/v1/settings', ['backup.max_count': 5, 'app.theme': 'dark'], token)

        then:
        reply.status == 200
        reply.json*.key == ['backup.max_count', 'app.theme']
        reply.json*.value == [5, 'dark']
        reply.json.every { it.overridden }
        get('/api/v1/settings/backup.max_count', token).json.value == 5
        get('/api/v1/settings/app.theme', token).json.value == 'dark'
    }

    def "a PATCH with any refused value changes nothing and names every refused key"() {
        given:
        def token = newUser()

        when:
        def reply = patch('/api/v1/settings', ['app.theme': 'dark', 'backup.max_count': 31, 'no.such': 1,
                                               'llm.model': null], token)

        then:
        reply.status == 400
        reply.problem
        reply.json.code == 'settings.invalid-value'
        reply.json.errors*.field == ['backup.max_count', 'no.such', 'llm.model']
        reply.json.errors*.code == ['settings.invalid-value', 'settings.unknown-key', 'settings.invalid-value']
        reply.json.errors.every { it.message }

        and: 'not even the valid value was stored'
        !get('/api/v1/settings/app.theme', token).json.overridden
    }

    def "a PATCH body that is not an object is refused with its own message"() {
        given:
        def token = newUser()

        when:
        def reply = patch('/api/v1/settings', body, token)

        then:
        reply.status == 400
        reply.problem
        reply.json.code == 'request.invalid-body'

        where:
        body << ['[1, 2]', '"dark"', '3']
    }

    def "unknown keys are not found"() {
        given:
        def token = newUser()

        expect:
        [get('/api/v1/settings/llm.warp_drive', token),
         put('/api/v1/settings/llm.warp_drive', [value: 1], token),
         delete('/api/v1/settings/llm.warp_drive', token)].every { it.status == 404 && it.json.code == 'settings.unknown-key' }
    }

    def "deleting a setting returns it to its default, and deleting again is harmless"() {
        given:
        def token = newUser()
        put('/api/v1/settings/app.theme', [value: 'dark'], token)

        expect:
        delete('/api/v1/settings/app.theme', token).status == 204
        with(get('/api/v1/settings/app.theme', token).json) {
            value == 'system'
            !overridden
        }
        delete('/api/v1/settings/app.theme', token).status == 204
    }

    def "two users' overrides are independent"() {
        given:
        def alice = newUser('alice')
        def bob = newUser('bob')

        when:
        put('/api/v1/settings/app.theme', [value: 'dark'], alice)
        put('/api/v1/settings/app.theme', [value: 'light'], bob)
        delete('/api/v1/settings/app.theme', bob)

        then:
        get('/api/v1/settings/app.theme', alice).json.value == 'dark'
        get('/api/v1/settings/app.theme', bob).json.value == 'system'
    }

    def "a JSON value nested deeper than #limit levels (#depth) is refused, nothing is stored and every read still works"() {
        given:
        def token = newUser()

        when:
        def reply = put('/api/v1/settings/app.shortcuts', """{"value":${nested(depth)}}""" as String, token)

        then:
        reply.status == 400
        reply.problem
        reply.json.code == 'settings.too-deep'
        reply.json.detail == "the value is nested deeper than ${limit} levels of arrays and objects"

        and:
        get('/api/v1/settings', token).status == 200
        !get('/api/v1/settings/app.shortcuts', token).json.overridden

        where:
        depth << [33, 64, 65, 66, 100, 500, 999]
        limit = 32
    }

    def "a JSON value at the deepest allowed nesting is stored and read back by every read"() {
        given:
        def token = newUser()
        def value = nested(32, '{"k":', '1', '}')

        when:
        def reply = put('/api/v1/settings/app.shortcuts', """{"value":${value}}""" as String, token)

        then:
        reply.status == 200
        get('/api/v1/settings/app.shortcuts', token).json.value == reply.json.value
        get('/api/v1/settings', token).json.find { it.key == 'app.shortcuts' }.value == reply.json.value
        get('/api/v1/settings?category=app', token).status == 200
    }

    def "a value stored too deep by an older release is ignored: the default applies and every read works"() {
        given: 'a vault whose override of app.shortcuts was stored 64 deep, as releases without the limit did'
        def name = uniqueName()
        assert register(name).status == 201
        def token = login(name)
        storeOverride(name, 'app.shortcuts', nested(64))
        put('/api/v1/settings/app.theme', [value: 'dark'], token) // a write drops the user's cached overrides

        expect:
        get('/api/v1/settings', token).status == 200
        with(get('/api/v1/settings/app.shortcuts', token)) {
            status == 200
            !json.overridden
            json.value == json.default
        }

        and: 'a put replaces it, a delete removes it'
        put('/api/v1/settings/app.shortcuts', [value: [search: 'ctrl+k']], token).json.overridden
        delete('/api/v1/settings/app.shortcuts', token).status == 204
    }

    def "settings need a session"() {
        expect:
        get('/api/v1/settings').status == 401
        put('/api/v1/settings/app.theme', [value: 'dark']).status == 401
    }

    private static String nested(int depth, String open = '[', String inner = '', String close = ']') {
        open * depth + inner + close * depth
    }

    /** Writes an override straight into the user's vault, the way an older release could have stored it. */
    private void storeOverride(String username, String key, String stored) {
        def vault = userDirOf(username).resolve(VaultFile.VAULT.fileName())
        def connection = SQLiteMCSqlCipherConfig.getV4Defaults()
                .withRawUnsaltedKey(files.fileKey(username, 'correct horse battery', VaultFile.VAULT))
                .build().createConnection("jdbc:sqlite:${vault}")
        try {
            def statement = connection.prepareStatement(
                    "INSERT INTO setting_override(setting_key, value, updated_at) VALUES (?, ?, '2025-01-01T00:00:00Z')")
            statement.setString(1, key)
            statement.setString(2, stored)
            statement.executeUpdate()
        } finally {
            connection.close()
        }
    }
}
