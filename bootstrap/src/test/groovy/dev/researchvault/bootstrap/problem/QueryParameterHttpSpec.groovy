package dev.researchvault.bootstrap.problem

import dev.researchvault.bootstrap.support.LogCapture
import dev.researchvault.bootstrap.support.VaultHttpSpec
import spock.lang.Shared

/**
 * Numeric query parameters the server cannot read (not a whole number, or beyond what it holds) are a 400
 * {@code request.invalid-parameter} naming the parameter and its range, never "check the JSON syntax" and never
 * the value sent.
 */
class QueryParameterHttpSpec extends VaultHttpSpec {

    @Shared
    String token

    @Shared
    String research

    @Shared
    String chat

    @Shared
    String execution

    def setupSpec() {
        token = newUser()
        research = post('/api/v1/research', [query: 'q', mode: 'quick'], token).json.id
        chat = post('/api/v1/chats', [title: 't'], token).json.id
        String agent = post('/api/v1/agents', [name: 'a', model: 'm'], token).json.id
        execution = post("/api/v1/agents/${agent}/executions", [input: 'x'], token).json.id
    }

    def "#path?#query is refused naming #name"() {
        given:
        def log = new LogCapture()

        when:
        def reply = get("${path.replace('RESEARCH', research).replace('CHAT', chat).replace('EXECUTION', execution)}?${query}", token)

        then:
        reply.status == 400
        reply.problem
        reply.json.code == 'request.invalid-parameter'
        reply.json.detail == detail
        !reply.text.contains(query.substring(query.indexOf('=') + 1))

        and:
        !log.events().any { it.level.toString() in ['WARN', 'ERROR'] }

        cleanup:
        log?.close()

        where:
        path                                | query                         || name    | detail
        '/api/v1/research'                  | 'page=99999999999'            || 'page'  | PAGE
        '/api/v1/research'                  | 'page=abc'                    || 'page'  | PAGE
        '/api/v1/research'                  | 'page=1.5'                    || 'page'  | PAGE
        '/api/v1/research'                  | 'size=1e3'                    || 'size'  | SIZE
        '/api/v1/research'                  | 'size=99999999999'            || 'size'  | SIZE
        '/api/v1/research'                  | 'size=-99999999999'           || 'size'  | SIZE
        '/api/v1/chats'                     | 'page=99999999999'            || 'page'  | PAGE
        '/api/v1/chats'                     | 'size=1e3'                    || 'size'  | SIZE
        '/api/v1/chats/CHAT/messages'       | 'page=99999999999'            || 'page'  | PAGE
        '/api/v1/research/RESEARCH/resources' | 'size=0x10'                 || 'size'  | SIZE
        '/api/v1/research/RESEARCH/logs'    | 'after=99999999999999999999'  || 'after' | 'after must be a whole number between -9223372036854775808 and 9223372036854775807'
        '/api/v1/agents'                    | 'page=99999999999'            || 'page'  | PAGE
        '/api/v1/agents'                    | 'size=1e3'                    || 'size'  | SIZE
        '/api/v1/executions'                | 'page=abc'                    || 'page'  | PAGE
        '/api/v1/executions'                | 'size=99999999999'            || 'size'  | SIZE
        '/api/v1/executions/EXECUTION/logs' | 'after=99999999999999999999'  || 'after' | 'after must be a whole number between -9223372036854775808 and 9223372036854775807'
    }

    def "numbers the server can read but the list does not allow keep their own codes"() {
        expect:
        get("/api/v1/research?${query}", token).json.code == code

        where:
        query         || code
        'page=-1'     || 'page.invalid-page'
        'size=0'      || 'page.invalid-size'
        'size=100000' || 'page.invalid-size'
    }

    def "a body the server cannot read still says so"() {
        expect:
        with(post('/api/v1/research', '{"query":', token)) {
            status == 400
            json.code == 'request.invalid'
        }
    }

    static final String PAGE = 'page must be a whole number between 0 and 2147483647'
    static final String SIZE = 'size must be a whole number between 1 and 200'
}
