package dev.researchvault.bootstrap.research

import dev.researchvault.bootstrap.support.VaultHttpSpec
import spock.lang.Shared

/** Queries, resources, report and logs of a research. */
class ResearchWorkHttpSpec extends VaultHttpSpec {

    static final String MISSING = UUID.randomUUID().toString()

    @Shared
    String token

    def setupSpec() {
        token = newUser('worker')
    }

    String newResearch() {
        post('/api/v1/research', [query: 'work', mode: 'quick'], token).json.id
    }

    def 'queries are recorded and listed oldest first'() {
        given:
        String id = newResearch()

        when:
        Reply first = post("/api/v1/research/$id/queries", [query: 'sky colour', engine: 'searxng'], token)
        post("/api/v1/research/$id/queries", [query: 'rayleigh', engine: 'searxng'], token)

        then:
        first.status == 201
        first.json.researchId == id
        get("/api/v1/research/$id/queries", token).json*.query == ['sky colour', 'rayleigh']
    }

    def 'a query without engine is a bad request'() {
        expect:
        post("/api/v1/research/${newResearch()}/queries", [query: 'q'], token).status == 400
    }

    def 'resources arrive in a batch and list paged, oldest first'() {
        given:
        String id = newResearch()
        String queryId = post("/api/v1/research/$id/queries", [query: 'q', engine: 'e'], token).json.id
        def batch = (0..4).collect { [title: "r$it", url: "https://example.org/$it", snippet: 's', sourceType: 'web', queryId: queryId] }

        when:
        Reply added = post("/api/v1/research/$id/resources", batch, token)

        then:
        added.status == 201
        added.json*.title == ['r0', 'r1', 'r2', 'r3', 'r4']
        added.json.every { it.queryId == queryId }
        with(get("/api/v1/research/$id/resources?page=1&size=2", token).json) {
            items*.title == ['r2', 'r3']
            total == 5
        }
        get("/api/v1/research/$id/resources?page=3&size=2", token).json.items == []
    }

    def '500 resources are one call'() {
        given:
        String id = newResearch()

        expect:
        post("/api/v1/research/$id/resources", (1..500).collect { [url: "https://e.org/$it"] }, token).status == 201
        get("/api/v1/research/$id/resources?size=1", token).json.total == 500
    }

    def 'a resource batch that is #why is refused whole'() {
        given:
        String id = newResearch()

        when:
        Reply reply = post("/api/v1/research/$id/resources", batch, token)

        then:
        reply.status == 400
        reply.json.type.endsWith(code)
        get("/api/v1/research/$id/resources", token).json.total == 0

        where:
        why                   | batch                                                        || code
        'empty'               | []                                                           || 'research.invalid-resource-batch'
        'above 500'           | (1..501).collect { [url: "https://e.org/$it"] }              || 'research.invalid-resource-batch'
        'missing a url'       | [[url: 'https://ok.org'], [title: 'no url']]                 || 'research.invalid-resource'
        'of an unknown query' | [[url: 'https://ok.org', queryId: UUID.randomUUID().toString()]] || 'research.unknown-query'
        'of a malformed query'| [[url: 'https://ok.org', queryId: 'nope']]                   || 'research.unknown-query'
    }

    def 'the report is versioned and readable as JSON or raw markdown'() {
        given:
        String id = newResearch()

        expect:
        get("/api/v1/research/$id/report", token).status == 404

        when:
        Reply first = put("/api/v1/research/$id/report", [content: '# One', format: 'markdown'], token)
        Reply second = put("/api/v1/research/$id/report", [content: '# Two\nmore', format: 'markdown'], token)

        then:
        first.status == 200
        first.json.version == 1
        second.json.version == 2
        get("/api/v1/research/$id/report", token).json.with { content == '# Two\nmore' && version == 2 }

        when:
        Reply raw = get("/api/v1/research/$id/report", token, [Accept: 'text/markdown'])

        then:
        raw.status == 200
        raw.contentType.startsWith('text/markdown')
        raw.text == '# Two\nmore'
    }

    def 'a report in #format is a bad request'() {
        expect:
        put("/api/v1/research/${newResearch()}/report", [content: 'x', format: format], token).status == 400

        where:
        format << ['html', null]
    }

    def 'log lines are numbered and read after a sequence, oldest first'() {
        given:
        String id = newResearch()

        when:
        def sequences = (1..3).collect { post("/api/v1/research/$id/logs", [level: 'info', message: "step $it", progress: it * 10], token) }

        then:
        sequences*.status == [201, 201, 201]
        sequences*.json*.sequence == [1, 2, 3]
        get("/api/v1/research/$id/logs", token).json*.message == ['step 1', 'step 2', 'step 3']
        get("/api/v1/research/$id/logs?after=1", token).json*.sequence == [2, 3]
        get("/api/v1/research/$id/logs?after=3", token).json == []
    }

    def 'a log line with #body is a bad request'() {
        expect:
        post("/api/v1/research/${newResearch()}/logs", body, token).status == 400

        where:
        body << [[level: 'loud', message: 'm'], [level: 'info', message: ''], [level: 'info', message: 'm', progress: 101]]
    }

    def '#method #path of an unknown research is not found'() {
        expect:
        with(send(method, path, body, token)) {
            status == 404
            json.type.endsWith('research.not-found')
        }

        where:
        method | path                                  | body
        'POST' | "/api/v1/research/$MISSING/queries"   | [query: 'q', engine: 'e']
        'GET'  | "/api/v1/research/$MISSING/queries"   | null
        'POST' | "/api/v1/research/$MISSING/resources" | [[url: 'https://x']]
        'GET'  | "/api/v1/research/$MISSING/resources" | null
        'PUT'  | "/api/v1/research/$MISSING/report"    | [content: 'c', format: 'markdown']
        'GET'  | "/api/v1/research/$MISSING/report"    | null
        'POST' | "/api/v1/research/$MISSING/logs"      | [level: 'info', message: 'm']
        'GET'  | "/api/v1/research/$MISSING/logs"      | null
    }
}
