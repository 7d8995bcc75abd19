package dev.researchvault.bootstrap.settings

import ch.qos.logback.classic.spi.ILoggingEvent
import dev.researchvault.application.account.SessionStore
import dev.researchvault.application.settings.UseApiKeyUseCase
import dev.researchvault.bootstrap.support.LogCapture
import dev.researchvault.bootstrap.support.VaultHttpSpec


class ApiKeysHttpSpec extends VaultHttpSpec {

    static final String CLEAR = 'sk-proj-Zq8vN3xK7mP2wR5tY9uB4f2a'

    def "a stored key is answered masked, and listed with its details, never in clear"() {
        given:
        def token = newUser()

        when:
        def stored = put('/api/v1/api-keys/openai', [key: CLEAR, description: 'research budget'], token)
        def listed = get('/api/v1/api-keys', token)

        then:
        stored.status == 200
        stored.json.masked == 'sk-…4f2a'
        listed.status == 200
        listed.json.size() == 1
        with(listed.json[0]) {
            provider == 'openai'
            masked == 'sk-…4f2a'
            description == 'research budget'
            active
            createdAt
            lastUsedAt == null
        }
        !stored.text.contains(CLEAR)
        !listed.text.contains(CLEAR)
        !stored.json.containsKey('key')
    }

    def "no log line carries a key, even with debug logging on"() {
        given:
        def token = newUser()
        def log = new LogCapture()

        when: 'the key is stored, listed, refused once, taken for use and deleted'
        put('/api/v1/api-keys/openai', [key: CLEAR], token)
        get('/api/v1/api-keys', token)
        put('/api/v1/api-keys/Not%20Valid', [key: CLEAR], token)
        def used = useKey(token, 'openai')
        def revealed = post('/api/v1/api-keys/openai/reveal', [password: 'correct horse battery'], token)
        delete('/api/v1/api-keys/openai', token)

        then: 'logging was on and recorded the requests'
        used == CLEAR
        revealed.json.key == CLEAR
        log.events().any { it.formattedMessage.contains('event=api-key.revealed') && it.formattedMessage.contains('provider=openai') }
        log.events().any { it.formattedMessage.contains('api-key.invalid-provider') }

        and: 'no line, argument or exception mentions the key'
        log.events().every { ILoggingEvent event ->
            !event.formattedMessage.contains(CLEAR) && !(event.throwableProxy?.message ?: '').contains(CLEAR)
        }

        cleanup:
        log?.close()
    }

    def "taking a key for use records when it was last used"() {
        given:
        def token = newUser()
        put('/api/v1/api-keys/tavily', [key: 'tvly-0123456789abcdef'], token)

        when:
        def clear = useKey(token, 'tavily')

        then:
        clear == 'tvly-0123456789abcdef'
        get('/api/v1/api-keys', token).json[0].lastUsedAt != null
    }

    def "the owner's password reveals a key, parked or not, and the reveal counts as a use"() {
        given:
        def token = newUser()
        put('/api/v1/api-keys/anthropic', [key: 'sk-ant-0123456789abcdef', active: false], token)

        when:
        def reply = post('/api/v1/api-keys/anthropic/reveal', [password: 'correct horse battery'], token)

        then:
        reply.status == 200
        reply.json == [provider: 'anthropic', key: 'sk-ant-0123456789abcdef']
        reply.header('Cache-Control') == 'no-store'
        get('/api/v1/api-keys', token).json[0].lastUsedAt =~ /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/
    }

    def "a wrong password reveals nothing, keeps the session, and counts towards the login throttle"() {
        given:
        def token = newUser()
        put('/api/v1/api-keys/openai', [key: CLEAR], token)

        when:
        def answers = (1..6).collect { post('/api/v1/api-keys/openai/reveal', [password: 'not the password'], token) }

        then:
        answers[0].status == 403
        answers[0].json.code == 'account.password-mismatch'
        answers[0].header('WWW-Authenticate') == null
        answers.any { it.status == 429 && it.json.code == 'account.too-many-attempts' && it.header('Retry-After') }
        answers.every { !it.text.contains(CLEAR) }
        get('/api/v1/api-keys', token).json[0].lastUsedAt == null
        get('/api/v1/api-keys', token).status == 200
    }

    def "revealing a key that is not there is not found; a missing password is refused"() {
        given:
        def token = newUser()

        expect:
        post('/api/v1/api-keys/openai/reveal', [password: 'correct horse battery'], token).json.code == 'api-key.not-found'
        post('/api/v1/api-keys/openai/reveal', [:], token).status == 400
        post('/api/v1/api-keys/openai/reveal', [password: 'correct horse battery']).status == 401
    }

    def "times of keys are written to the millisecond"() {
        given:
        def token = newUser()

        when:
        def stored = put('/api/v1/api-keys/openai', [key: CLEAR], token)

        then:
        stored.json.createdAt =~ /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/
    }

    def "a parked key is listed but not handed out"() {
        given:
        def token = newUser()
        put('/api/v1/api-keys/anthropic', [key: 'sk-ant-0123456789abcdef', active: false], token)

        expect:
        !get('/api/v1/api-keys', token).json[0].active
        useKey(token, 'anthropic') == null
    }

    def "storing again replaces the key; deleting removes it; deleting again is not found"() {
        given:
        def token = newUser()
        put('/api/v1/api-keys/openai', [key: 'sk-first-000000000000aaaa'], token)

        when:
        put('/api/v1/api-keys/openai', [key: 'sk-second-00000000000bbbb'], token)

        then:
        get('/api/v1/api-keys', token).json*.masked == ['sk-…bbbb']
        delete('/api/v1/api-keys/openai', token).status == 204
        get('/api/v1/api-keys', token).json == []
        with(delete('/api/v1/api-keys/openai', token)) {
            status == 404
            json.code == 'api-key.not-found'
        }
    }

    def "bad providers, keys and descriptions are refused without echoing the key"() {
        given:
        def token = newUser()

        when:
        def reply = put("/api/v1/api-keys/${provider}", body, token)

        then:
        reply.status == 400
        reply.json.code == code
        !reply.text.contains(String.valueOf(body.key))
        get('/api/v1/api-keys', token).json == []

        where:
        provider    | body                                        || code
        'Open%20AI' | [key: CLEAR]                                || 'api-key.invalid-provider'
        'x' * 65    | [key: CLEAR]                                || 'api-key.invalid-provider'
        'openai'    | [key: 'sk-short']                           || 'api-key.invalid-key'
        'openai'    | [:]                                         || 'api-key.invalid-key'
        'openai'    | [key: 'sk-has a space-123456']              || 'api-key.invalid-key'
        'openai'    | [key: CLEAR, description: 'd' * 201]        || 'api-key.invalid-description'
    }

    def "two users' keys are independent"() {
        given:
        def alice = newUser('alice')
        def bob = newUser('bob')

        when:
        put('/api/v1/api-keys/openai', [key: 'sk-alice-0000000000001111'], alice)

        then:
        get('/api/v1/api-keys', alice).json*.masked == ['sk-…1111']
        get('/api/v1/api-keys', bob).json == []
    }

    def "API keys need a session"() {
        expect:
        get('/api/v1/api-keys').status == 401
        put('/api/v1/api-keys/openai', [key: CLEAR]).status == 401
    }

    /** What an LLM or search adapter does inside a use case: take the key in clear, for one call. */
    private String useKey(String token, String provider) {
        def context = server.applicationContext
        def session = context.getBean(SessionStore).find(token).get()
        context.getBean(UseApiKeyUseCase).useKey(session, provider).map { it.reveal() }.orElse(null)
    }
}
