package dev.researchvault.bootstrap.research

import dev.researchvault.bootstrap.support.VaultHttpSpec
import spock.lang.Shared

import java.time.Duration
import java.time.Instant

/** {@code /api/v1/research}: the research itself, its status machine, and its list. */
class ResearchHttpSpec extends VaultHttpSpec {

    static final String MISSING = UUID.randomUUID().toString()

    @Shared
    String token

    def setupSpec() {
        token = newUser('research')
    }

    Map start(String query, String mode = 'quick', String as = token) {
        Reply reply = post('/api/v1/research', [query: query, mode: mode], as)
        assert reply.status == 201: reply
        reply.json
    }

    def '#method #path needs a session'() {
        expect:
        with(send(method, path, body, null)) {
            status == 401
            problem
        }

        where:
        method   | path                                  | body
        'POST'   | '/api/v1/research'                    | [query: 'q', mode: 'quick']
        'GET'    | '/api/v1/research'                    | null
        'GET'    | "/api/v1/research/$MISSING"           | null
        'PATCH'  | "/api/v1/research/$MISSING"           | [progress: 1]
        'DELETE' | "/api/v1/research/$MISSING"           | null
        'POST'   | "/api/v1/research/$MISSING/queries"   | [query: 'q', engine: 'e']
        'GET'    | "/api/v1/research/$MISSING/queries"   | null
        'POST'   | "/api/v1/research/$MISSING/resources" | [[url: 'https://x']]
        'GET'    | "/api/v1/research/$MISSING/resources" | null
        'PUT'    | "/api/v1/research/$MISSING/report"    | [content: 'c', format: 'markdown']
        'GET'    | "/api/v1/research/$MISSING/report"    | null
        'POST'   | "/api/v1/research/$MISSING/logs"      | [level: 'info', message: 'm']
        'GET'    | "/api/v1/research/$MISSING/logs"      | null
    }

    def 'a new research is pending and complete in shape'() {
        when:
        Reply reply = post('/api/v1/research', [query: 'Why is the sky blue?', mode: 'detailed'], token)

        then:
        reply.status == 201
        with(reply.json) {
            UUID.fromString(id)
            query == 'Why is the sky blue?'
            mode == 'detailed'
            status == 'pending'
            progress == 0
            Instant.parse(createdAt)
            it.containsKey('startedAt') && startedAt == null
            it.containsKey('durationSeconds') && durationSeconds == null
            metadata == [:]
        }
        get("/api/v1/research/${reply.json.id}", token).json == reply.json
    }

    def 'starting with #body is a bad request'() {
        expect:
        with(post('/api/v1/research', body, token)) {
            status == 400
            problem
            json.type.endsWith(code)
        }

        where:
        body                                  || code
        [query: '   ', mode: 'quick']         || 'research.invalid-query'
        [mode: 'quick']                       || 'research.invalid-query'
        [query: 'q', mode: 'Not a mode!']     || 'research.invalid-mode'
        [query: 'x' * 10_001, mode: 'quick']  || 'research.invalid-query'
        '{"query": '                          || 'request.invalid'
    }

    def 'an unknown or malformed id is not found'() {
        expect:
        with(get("/api/v1/research/$id", token)) {
            status == 404
            json.type.endsWith(code)
        }

        where:
        id          || code
        MISSING     || 'research.not-found'
        'not-a-uid' || 'research.not-found'
    }

    def 'status changes set the times: started, suspended, resumed, completed'() {
        given:
        String id = start('lifecycle').id

        when:
        def running = patch("/api/v1/research/$id", [status: 'in_progress', progress: 10], token).json
        patch("/api/v1/research/$id", [status: 'suspended'], token)
        patch("/api/v1/research/$id", [status: 'in_progress'], token)
        Reply done = patch("/api/v1/research/$id", [status: 'completed', progress: 100, title: 'Sky', metadata: [k: [1, 2]]], token)

        then:
        done.status == 200
        with(done.json) {
            status == 'completed'
            progress == 100
            title == 'Sky'
            metadata == [k: [1, 2]]
            startedAt == running.startedAt
            Instant.parse(completedAt) >= Instant.parse(startedAt)
            durationSeconds == Duration.between(Instant.parse(startedAt), Instant.parse(completedAt)).toSeconds()
        }
    }

    def 'an illegal status change is a conflict and changes nothing'() {
        given:
        String id = start('conflict').id

        when:
        Reply reply = patch("/api/v1/research/$id", [status: 'completed', progress: 50], token)

        then:
        reply.status == 409
        reply.json.type.endsWith('research.illegal-status-change')
        get("/api/v1/research/$id", token).json.with { status == 'pending' && progress == 0 }
    }

    def 'patching with #body is a bad request'() {
        given:
        String id = start('bad patch').id

        expect:
        with(patch("/api/v1/research/$id", body, token)) {
            status == 400
            json.type.endsWith(code)
        }

        where:
        body               || code
        [progress: 101]    || 'research.invalid-progress'
        [progress: -1]     || 'research.invalid-progress'
        [status: 'done']   || 'research.invalid-status'
        [progress: 'lots'] || 'request.invalid'
    }

    def 'patching or deleting an unknown research is not found'() {
        expect:
        patch("/api/v1/research/$MISSING", [progress: 5], token).status == 404
        delete("/api/v1/research/$MISSING", token).status == 404
    }

    def 'a deleted research is gone'() {
        given:
        String id = start('short-lived').id

        expect:
        delete("/api/v1/research/$id", token).status == 204
        get("/api/v1/research/$id", token).status == 404
        delete("/api/v1/research/$id", token).status == 404
    }

    def "metadata nested 999 deep is refused with 400, and the list of research still answers"() {
        given:
        def token = newUser('deep')
        def id = post('/api/v1/research', [query: 'deep', mode: 'quick'], token).json.id
        def deep = '[' * 999 + ']' * 999

        when:
        def answer = patch("/api/v1/research/$id", "{\"metadata\": {\"k\": ${deep}}}", token)

        then:
        answer.status == 400
        answer.json.code in ['research.metadata-too-deep', 'request.invalid']
        get('/api/v1/research', token).status == 200
    }

    def "a null member of metadata is kept, not a 500"() {
        given:
        def token = newUser('nulls')
        def id = post('/api/v1/research', [query: 'nulls', mode: 'quick'], token).json.id

        when:
        def answer = patch("/api/v1/research/$id", [metadata: [k: null, n: 1]], token)

        then:
        answer.status == 200
        answer.json.metadata == [k: null, n: 1]
        get("/api/v1/research/$id", token).json.metadata == [k: null, n: 1]
    }
}
