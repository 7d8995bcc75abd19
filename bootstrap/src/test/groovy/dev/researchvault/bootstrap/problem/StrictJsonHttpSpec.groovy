package dev.researchvault.bootstrap.problem

import dev.researchvault.bootstrap.document.DocumentHttpSupport
import dev.researchvault.bootstrap.support.VaultHttpSpec.Reply
import spock.lang.Shared

/**
 * Every JSON request body is read strictly (docs/api.md, "Errors"), on a real server: content after the JSON value and
 * a one-element array where a single value belongs are 400 {@code request.invalid} problems that store nothing, on
 * every kind of body (records, lists, trees); the same body written properly is still accepted, and a setting whose
 * value is a list still takes an array.
 */
class StrictJsonHttpSpec extends DocumentHttpSupport {

    /** The caller and the things the operations act on, by the names the paths use ({chat}, {draft}, …). */
    @Shared
    Map<String, String> fixture

    def setupSpec() {
        User owner = user('strict')
        String token = owner.token
        String session = post('/api/v1/writing-sessions', [title: 's'], token).json.id
        fixture = [
                token   : token,
                research: post('/api/v1/research', [query: 'q', mode: 'quick'], token).json.id,
                chat    : post('/api/v1/chats', [title: 'c'], token).json.id,
                agent   : post('/api/v1/agents', [name: 'strict', model: 'm'], token).json.id,
                document: newDocument(owner).id,
                session : session,
                draft   : post("/api/v1/writing-sessions/${session}/drafts", [title: 't', content: 'c'], token).json.id,
        ]
    }

    def "#operation refuses #lenience with 400 request.invalid and stores nothing"() {
        when:
        Watched watched = sendWatching(state, method, path, lenient)

        then:
        watched.reply.status == 400
        watched.reply.problem
        watched.reply.json.code == 'request.invalid'
        watched.reply.json.detail == detail
        watched.unchanged

        where:
        [operation, method, path, state, lenient, lenience, detail] << lenientBodies() + scalarsAsArrays()
    }

    def "#operation still accepts the same body written strictly"() {
        when:
        def reply = send(method, resolve(path), valid, fixture.token)

        then:
        reply.status in [200, 201, 204]

        where:
        [operation, method, path, state, valid] << operations()
    }

    def "a setting whose value is a list still takes a JSON array"() {
        when:
        def reply = put('/api/v1/settings/report.sections', '{"value": ["findings", "sources"]}', fixture.token)

        then:
        reply.status == 200
        reply.json.value == ['findings', 'sources']
    }

    def "whitespace after the value is not trailing content"() {
        when:
        def reply = send('POST', '/api/v1/chats', '{"title": "spaced"} \r\n\t ', fixture.token)

        then:
        reply.status == 201
    }

    /** The answer to a request, and whether the answer of {@code state} was the same before and after it. */
    private static class Watched {
        Reply reply
        boolean unchanged
    }

    private Watched sendWatching(String state, String method, String path, String body) {
        String before = get(resolve(state), fixture.token).text
        Reply reply = send(method, resolve(path), body, fixture.token)
        new Watched(reply: reply, unchanged: get(resolve(state), fixture.token).text == before)
    }

    /** Each operation with a valid body, and the path whose answer must not change when a lenient body is refused. */
    private static List<List<String>> operations() {
        [
                ['start a research', 'POST', '/api/v1/research', '/api/v1/research', '{"query": "x", "mode": "quick"}'],
                ['change a research', 'PATCH', '/api/v1/research/{research}', '/api/v1/research/{research}', '{"title": "t2"}'],
                ['add resources', 'POST', '/api/v1/research/{research}/resources', '/api/v1/research/{research}/resources',
                 '[{"url": "https://example.org"}]'],
                ['create a chat', 'POST', '/api/v1/chats', '/api/v1/chats', '{"title": "c2"}'],
                ['post a message', 'POST', '/api/v1/chats/{chat}/messages', '/api/v1/chats/{chat}/messages',
                 '{"role": "user", "content": "hi"}'],
                ['create an agent', 'POST', '/api/v1/agents', '/api/v1/agents', '{"name": "a2", "model": "m"}'],
                ['change an agent', 'PATCH', '/api/v1/agents/{agent}', '/api/v1/agents/{agent}', '{"model": "m2"}'],
                ['change a document', 'PATCH', '/api/v1/documents/{document}', '/api/v1/documents/{document}', '{"title": "d2"}'],
                ['create a draft', 'POST', '/api/v1/writing-sessions/{session}/drafts', '/api/v1/writing-sessions/{session}/drafts',
                 '{"title": "t2", "content": "c"}'],
                ['change settings', 'PATCH', '/api/v1/settings', '/api/v1/settings', '{"app.page_size": 30}'],
                ['put a setting', 'PUT', '/api/v1/settings/app.page_size', '/api/v1/settings', '{"value": 40}'],
        ]
    }

    /**
     * Each operation with three lenient forms of its valid body (a stray close, a word, a second value after it) and,
     * where the body holds a text member, that member as a one-element array.
     */
    private static List<List<String>> lenientBodies() {
        String trailing = 'the body has content after its JSON value: send exactly one JSON value'
        String array = 'the body (or a member of it) is a JSON array where a single value belongs'
        operations().collectMany { operation, method, path, state, valid ->
            List<List<String>> bodies = [
                    [valid + (valid.startsWith('[') ? ']' : '}'), 'a stray close after the value', trailing],
                    [valid + ' trailing', 'a word after the value', trailing],
                    [valid + ' ' + valid, 'a second value', trailing],
            ]
            String wrapped = valid.replaceFirst(/: ("[^"]*")/, ': [$1]')
            if (wrapped != valid) {
                bodies << [wrapped, 'a text member as a one-element array', array]
            }
            bodies.collect { body, lenience, detail -> [operation, method, path, state, body, lenience, detail] }
        }
    }

    /** Numbers, flags and choices as one-element arrays (text members are in {@link #lenientBodies}). */
    private static List<List<String>> scalarsAsArrays() {
        String array = 'the body (or a member of it) is a JSON array where a single value belongs'
        [
                ['change a research', 'PATCH', '/api/v1/research/{research}', '/api/v1/research/{research}',
                 '{"progress": [50]}', 'a number as a one-element array'],
                ['save a draft', 'PUT', '/api/v1/drafts/{draft}', '/api/v1/drafts/{draft}',
                 '{"content": "c2", "baseVersion": [1]}', 'a whole number as a one-element array'],
                ['store an API key', 'PUT', '/api/v1/api-keys/openai', '/api/v1/api-keys',
                 '{"key": "sk-0123456789abcdef", "active": [true]}', 'a flag as a one-element array'],
                ['export', 'POST', '/api/v1/export', '/api/v1/research', '{"includeApiKeys": [false]}',
                 'a flag as a one-element array'],
                ['start a research', 'POST', '/api/v1/research', '/api/v1/research', '{"query": "x", "mode": ["quick"]}',
                 'a choice as a one-element array'],
        ].collect { it + [array] }
    }

    private String resolve(String path) {
        path.replaceAll(/\{(\w+)}/) { whole, name -> fixture[name] }
    }
}
