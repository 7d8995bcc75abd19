package dev.researchvault.reliability

import dev.researchvault.reliability.support.Api
import dev.researchvault.reliability.support.ReliabilitySpec
import dev.researchvault.reliability.support.User
import spock.lang.Shared
import spock.lang.Unroll

/**
 * Ann owns one of everything; Bob, logged in at the same time, uses Ann's ids with his own token. Every
 * answer is the 404 a random id gets, byte for byte, and Ann's data is untouched afterwards.
 */
class IsolationSpec extends ReliabilitySpec {

    @Shared User ann
    @Shared User bob
    @Shared Map<String, String> annIds = [:]
    @Shared Map<String, String> randomIds = [:]
    @Shared boolean filesServed

    def setupSpec() {
        startServer()
        ann = newUser('ann')
        bob = newUser('bob')
        filesServed = FileEndpoints.supported(api, newUser('probe'))
        annIds.research = created(api.post('/api/v1/research', [query: 'ann private', mode: 'quick'], ann.token)).id
        annIds.query = created(api.post("/api/v1/research/${annIds.research}/queries", [query: 'q', engine: 'e'], ann.token)).id
        created(api.post("/api/v1/research/${annIds.research}/resources",
                [[title: 't', url: 'https://example.org', snippet: 's', sourceType: 'web', queryId: annIds.query]], ann.token))
        assert api.put("/api/v1/research/${annIds.research}/report", [content: '# ann', format: 'markdown'], ann.token).status == 200
        created(api.post("/api/v1/research/${annIds.research}/logs", [level: 'info', message: 'ann log'], ann.token))
        annIds.chat = created(api.post('/api/v1/chats', [title: 'ann chat'], ann.token)).id
        def message = [role: 'user', content: 'ann message']
        if (filesServed) {
            message.files = [[name: 'a.txt', mime: 'text/plain', data: 'YW5u', thumbnail: 'YW5u']]
        }
        annIds.message = created(api.post("/api/v1/chats/${annIds.chat}/messages", message, ann.token)).id
        annIds.backup = created(api.post('/api/v1/backups', null, ann.token)).name
        assert api.put('/api/v1/settings/backup.max_count', [value: 5], ann.token).status == 200
        annIds.provider = 'ann-provider'
        assert api.put("/api/v1/api-keys/${annIds.provider}", [key: 'sk-ann-0123456789abcdef'], ann.token).status == 200
        extraSecrets << 'sk-ann-0123456789abcdef'
        // an agent's parameters may hold a tool's key: it must never reach a log either
        annIds.agent = created(api.post('/api/v1/agents', [name: 'ann agent', model: 'm', systemPrompt: 'ann prompt',
                                                          parameters: [toolKey: 'sk-ann-tool-0123456789']], ann.token)).id
        extraSecrets << 'sk-ann-tool-0123456789'
        annIds.execution = created(api.post("/api/v1/agents/${annIds.agent}/executions", [input: 'ann input'], ann.token)).id
        assert api.patch("/api/v1/executions/${annIds.execution}", [status: 'running',
                usage: [promptTokens: 1, completionTokens: 1, costUsd: 0.25]], ann.token).status == 200
        created(api.post("/api/v1/executions/${annIds.execution}/logs", [level: 'info', message: 'ann execution log'], ann.token))
        annIds.session = created(api.post('/api/v1/writing-sessions', [title: 'ann session', chatId: annIds.chat], ann.token)).id
        annIds.draft = created(api.post("/api/v1/writing-sessions/${annIds.session}/drafts",
                [title: 'ann draft', content: 'ann draft v1'], ann.token)).id
        assert api.put("/api/v1/drafts/${annIds.draft}", [content: 'ann draft v2', baseVersion: 1], ann.token).status == 200
        annIds.reference = created(api.post("/api/v1/drafts/${annIds.draft}/references",
                [citation: 'ann citation', researchId: annIds.research], ann.token)).id
        created(api.post('/api/v1/research', [query: 'ann chat research', mode: 'quick', chatId: annIds.chat], ann.token))
        annIds.document = created(api.multipart('/api/v1/documents', [['file', 'ann.pdf', 'application/pdf', 'ann bytes'],
                                                                      ['title', null, null, 'ann paper']], ann.token)).id
        assert api.put("/api/v1/documents/${annIds.document}/text", [text: 'ann text'], ann.token).status == 204
        assert api.put("/api/v1/documents/${annIds.document}/chunks", [[index: 0, text: 'ann chunk', startOffset: 0, endOffset: 3]], ann.token).status == 204
        annIds.group = created(api.post('/api/v1/document-groups', [name: 'ann group'], ann.token)).id
        assert api.put("/api/v1/document-groups/${annIds.group}/documents/${annIds.document}", null, ann.token).status == 204
        annIds.each { kind, id -> randomIds[kind] = kind == 'backup' ? '20000101T000000000Z' : (kind == 'provider' ? 'no-provider' : UUID.randomUUID().toString()) }
    }

    @Unroll
    def "Bob's #method #template on Ann's id answers exactly what a random id answers"() {
        when:
        Api.Reply onAnns = api.send(method, expand(template, annIds), body, bob.token)
        Api.Reply onRandom = api.send(method, expand(template, randomIds), body, bob.token)

        then:
        onAnns.status == expected
        onAnns.problem
        onRandom.status == onAnns.status
        onRandom.text == onAnns.text
        !onAnns.text.contains('ann')

        where:
        method   | template                                 | body                                                              | expected
        'GET'    | '/api/v1/research/{research}'            | null                                                              | 404
        'PATCH'  | '/api/v1/research/{research}'            | [progress: 50]                                                    | 404
        'DELETE' | '/api/v1/research/{research}'            | null                                                              | 404
        'GET'    | '/api/v1/research/{research}/queries'    | null                                                              | 404
        'POST'   | '/api/v1/research/{research}/queries'    | [query: 'q', engine: 'e']                                         | 404
        'GET'    | '/api/v1/research/{research}/resources'  | null                                                              | 404
        'POST'   | '/api/v1/research/{research}/resources'  | [[title: 't', url: 'https://x', snippet: 's', sourceType: 'web']] | 404
        'GET'    | '/api/v1/research/{research}/report'     | null                                                              | 404
        'PUT'    | '/api/v1/research/{research}/report'     | [content: 'x', format: 'markdown']                                | 404
        'GET'    | '/api/v1/research/{research}/logs'       | null                                                              | 404
        'GET'    | '/api/v1/research/{research}/events'     | null                                                              | 404
        'POST'   | '/api/v1/research/{research}/logs'       | [level: 'info', message: 'm']                                     | 404
        'GET'    | '/api/v1/chats/{chat}'                   | null                                                              | 404
        'DELETE' | '/api/v1/chats/{chat}'                   | null                                                              | 404
        'GET'    | '/api/v1/chats/{chat}/messages'          | null                                                              | 404
        'POST'   | '/api/v1/chats/{chat}/messages'          | [role: 'user', content: 'm']                                      | 404
        'GET'    | '/api/v1/messages/{message}/files/0'     | null                                                              | 404
        'GET'    | '/api/v1/messages/{message}/files/0/thumbnail' | null                                                        | 404
        'DELETE' | '/api/v1/backups/{backup}'               | null                                                              | 404
        'POST'   | '/api/v1/backups/{backup}/restore'       | [password: bob.password]                                          | 404
        'POST'   | '/api/v1/backups/{backup}/download'      | [password: bob.password]                                          | 404
        'DELETE' | '/api/v1/api-keys/{provider}'            | null                                                              | 404
        'POST'   | '/api/v1/api-keys/{provider}/reveal'     | [password: bob.password]                                          | 404
        'PATCH'  | '/api/v1/research/{research}'            | [status: 'cancelled']                                             | 404
        'GET'    | '/api/v1/chats/{chat}/messages?size=1'   | null                                                              | 404
        'GET'    | '/api/v1/agents/{agent}'                 | null                                                              | 404
        'PATCH'  | '/api/v1/agents/{agent}'                 | [name: 'bob took it', active: false]                              | 404
        'DELETE' | '/api/v1/agents/{agent}'                 | null                                                              | 404
        'POST'   | '/api/v1/agents/{agent}/executions'      | [input: 'x']                                                      | 404
        'GET'    | '/api/v1/executions/{execution}'         | null                                                              | 404
        'PATCH'  | '/api/v1/executions/{execution}'         | [status: 'cancelled', output: 'x']                                | 404
        'GET'    | '/api/v1/executions/{execution}/logs'    | null                                                              | 404
        'GET'    | '/api/v1/documents/{document}'           | null                                                              | 404
        'PATCH'  | '/api/v1/documents/{document}'           | [title: 'bob took it', status: 'processing']                      | 404
        'DELETE' | '/api/v1/documents/{document}'           | null                                                              | 404
        'GET'    | '/api/v1/documents/{document}/file'      | null                                                              | 404
        'PUT'    | '/api/v1/documents/{document}/text'      | [text: 'bob text']                                                | 404
        'PUT'    | '/api/v1/documents/{document}/chunks'    | []                                                                | 404
        'GET'    | '/api/v1/documents/{document}/chunks'    | null                                                              | 404
        'GET'    | '/api/v1/documents?groupId={group}'      | null                                                              | 404
        'GET'    | '/api/v1/document-groups/{group}'        | null                                                              | 404
        'PATCH'  | '/api/v1/document-groups/{group}'        | [name: 'bob took it']                                             | 404
        'DELETE' | '/api/v1/document-groups/{group}'        | null                                                              | 404
        'PUT'    | '/api/v1/document-groups/{group}/documents/{document}' | null                                                | 404
        'DELETE' | '/api/v1/document-groups/{group}/documents/{document}' | null                                                | 404
        'POST'   | '/api/v1/executions/{execution}/logs'    | [level: 'error', message: 'm']                                    | 404
        'GET'    | '/api/v1/chats/{chat}/research'          | null                                                              | 404
        'GET'    | '/api/v1/writing-sessions/{session}'     | null                                                              | 404
        'PATCH'  | '/api/v1/writing-sessions/{session}'     | [title: 'bob took it']                                            | 404
        'DELETE' | '/api/v1/writing-sessions/{session}'     | null                                                              | 404
        'GET'    | '/api/v1/writing-sessions/{session}/drafts' | null                                                           | 404
        'POST'   | '/api/v1/writing-sessions/{session}/drafts' | [title: 't', content: 'c']                                     | 404
        'GET'    | '/api/v1/drafts/{draft}'                 | null                                                              | 404
        'PUT'    | '/api/v1/drafts/{draft}'                 | [content: 'x', baseVersion: 2]                                    | 404
        'DELETE' | '/api/v1/drafts/{draft}'                 | null                                                              | 404
        'GET'    | '/api/v1/drafts/{draft}/versions'        | null                                                              | 404
        'GET'    | '/api/v1/drafts/{draft}/versions/1'      | null                                                              | 404
        'GET'    | '/api/v1/drafts/{draft}/references'      | null                                                              | 404
        'POST'   | '/api/v1/drafts/{draft}/references'      | [citation: 'x']                                                   | 404
        'DELETE' | '/api/v1/drafts/{draft}/references/{reference}' | null                                                       | 404
    }

    def "Bob's own research, sessions and references cannot link Ann's chat or research: the random id's 404"() {
        given:
        String session = created(api.post('/api/v1/writing-sessions', [title: 'bob session'], bob.token)).id
        String draft = created(api.post("/api/v1/writing-sessions/${session}/drafts", [title: 't', content: 'c'], bob.token)).id

        expect:
        [['POST', '/api/v1/research', [query: 'q', mode: 'quick', chatId: '{chat}']],
         ['POST', '/api/v1/writing-sessions', [title: 't', chatId: '{chat}']],
         ['PATCH', "/api/v1/writing-sessions/${session}", [chatId: '{chat}']],
         ['POST', "/api/v1/drafts/${draft}/references", [citation: 'x', researchId: '{research}']],
         ['POST', "/api/v1/drafts/${draft}/references", [citation: 'x', documentId: '{document}']]].every { method, path, body ->
            def onAnns = api.send(method, path, body.collectEntries { k, v -> [k, expand(v, annIds)] }, bob.token)
            def onRandom = api.send(method, path, body.collectEntries { k, v -> [k, expand(v, randomIds)] }, bob.token)
            onAnns.status == 404 && onAnns.text == onRandom.text
        }
    }

    def "Bob's export holds nothing of Ann's, not even with his API keys; Ann's holds all of it"() {
        when:
        String bobs = archiveText(api.post('/api/v1/export', [includeApiKeys: true, password: bob.password], bob.token).bytes)
        String anns = archiveText(api.post('/api/v1/export', [includeApiKeys: true, password: ann.password], ann.token).bytes)

        then:
        annIds.findAll { kind, id -> !(kind in ['backup', 'provider']) }.values().every { !bobs.contains(it) && anns.contains(it) }
        !bobs.contains('sk-ann') && anns.contains('sk-ann-0123456789abcdef')
        !bobs.contains('ann private') && !bobs.contains('ann bytes')
    }

    /** Every entry's name and text of an export, one after the other. */
    static String archiveText(byte[] zip) {
        def text = new StringBuilder()
        new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip)).withCloseable { input ->
            def entry
            while ((entry = input.nextEntry) != null) {
                text << entry.name << '\n' << new String(input.readAllBytes(), 'UTF-8') << '\n'
            }
        }
        assert text.contains('manifest.json')
        text.toString()
    }

    def "Bob's search finds nothing of Ann's: her research, messages, documents, drafts and agents are not in his index"() {
        expect: 'every text of hers above holds the word ann; he has written none'
        api.get('/api/v1/search?q=ann', bob.token).json.total == 0
        api.get('/api/v1/search?q=ann', ann.token).json.total > 0
    }

    def "Bob's own research cannot reference Ann's query"() {
        given:
        String bobs = created(api.post('/api/v1/research', [query: 'bob', mode: 'quick'], bob.token)).id
        def resource = { String queryId -> [[title: 't', url: 'https://x', snippet: 's', sourceType: 'web', queryId: queryId]] }

        when:
        def onAnns = api.post("/api/v1/research/${bobs}/resources", resource(annIds.query), bob.token)
        def onRandom = api.post("/api/v1/research/${bobs}/resources", resource(randomIds.query), bob.token)

        then:
        onAnns.status == 400
        onAnns.text == onRandom.text
    }

    def "Bob's own agent cannot run in Ann's chat, and his filters by her ids find what a random id finds"() {
        given:
        String bobs = created(api.post('/api/v1/agents', [name: 'bob agent', model: 'm'], bob.token)).id

        expect:
        api.post("/api/v1/agents/${bobs}/executions", [input: 'x', chatId: annIds.chat], bob.token).text ==
                api.post("/api/v1/agents/${bobs}/executions", [input: 'x', chatId: randomIds.chat], bob.token).text
        ['agentId=' + annIds.agent, 'chatId=' + annIds.chat].every { filter ->
            String random = filter.replaceAll(/=.*/, '=' + UUID.randomUUID())
            def onAnns = api.get("/api/v1/executions?${filter}", bob.token)
            onAnns.status == 200 && onAnns.json.total == 0 && onAnns.text == api.get("/api/v1/executions?${random}", bob.token).text
        }
    }

    def "Bob's own group cannot take Ann's document, and Bob's document cannot join Ann's group"() {
        given:
        String bobsGroup = created(api.post('/api/v1/document-groups', [name: 'bob group'], bob.token)).id
        String bobsDocument = created(api.multipart('/api/v1/documents', [['file', 'b.pdf', 'application/pdf', 'bob bytes']], bob.token)).id

        expect:
        api.put("/api/v1/document-groups/${bobsGroup}/documents/${annIds.document}", null, bob.token).text ==
                api.put("/api/v1/document-groups/${bobsGroup}/documents/${randomIds.document}", null, bob.token).text
        api.put("/api/v1/document-groups/${annIds.group}/documents/${bobsDocument}", null, bob.token).text ==
                api.put("/api/v1/document-groups/${randomIds.group}/documents/${bobsDocument}", null, bob.token).text
        api.get('/api/v1/documents', bob.token).json.items*.id == [bobsDocument]
        api.get('/api/v1/document-groups', bob.token).json.items*.name == ['bob group']
    }

    def "Bob's lists, settings and keys show nothing of Ann's"() {
        expect:
        api.get('/api/v1/agents', bob.token).json.items*.name.every { it == 'bob agent' }
        api.get('/api/v1/executions', bob.token).json.total == 0
        api.get("/api/v1/usage?from=2000-01-01T00:00:00Z&to=2009-01-01T00:00:00Z", bob.token).json.total.calls == 0
        api.get("/api/v1/usage?from=${java.time.Instant.now().minusSeconds(86_400)}&to=${java.time.Instant.now().plusSeconds(86_400)}", bob.token).json.total.calls == 0
        api.get('/api/v1/research', bob.token).json.items*.query.every { it == 'bob' }
        api.get('/api/v1/chats', bob.token).json.total == 0
        !api.get('/api/v1/backups', bob.token).json*.name.contains(annIds.backup)
        api.get('/api/v1/api-keys', bob.token).json == []
        api.get('/api/v1/settings/backup.max_count', bob.token).json.overridden == false
        api.get('/api/v1/vault/stats', bob.token).json.files['vault.db'].rowCounts.research_log == 0
    }

    def "Bob's account, his several settings at once and his key reveal concern only him"() {
        given:
        assert api.put('/api/v1/api-keys/bob-provider', [key: 'sk-bob-0123456789abcdef'], bob.token).status == 200
        extraSecrets << 'sk-bob-0123456789abcdef'

        when:
        def account = api.get('/api/v1/account', bob.token)
        def patched = api.patch('/api/v1/settings', ['backup.max_count': 9, 'app.theme': 'dark'], bob.token)
        def revealed = api.post('/api/v1/api-keys/bob-provider/reveal', [password: bob.password], bob.token)

        then:
        account.status == 200
        account.json.username == bob.name
        !account.text.contains('ann')
        patched.status == 200
        revealed.json.key == 'sk-bob-0123456789abcdef'
        api.get('/api/v1/settings/backup.max_count', ann.token).json.value == 5
        !api.get('/api/v1/settings/app.theme', ann.token).json.overridden
        api.get('/api/v1/account', ann.token).json.username == ann.name
    }

    def "Ann's data is whole after all of Bob's attempts"() {
        expect:
        api.get("/api/v1/research/${annIds.research}", ann.token).json.progress == 0
        api.get("/api/v1/research/${annIds.research}/queries", ann.token).json.size() == 1
        api.get("/api/v1/research/${annIds.research}/resources", ann.token).json.total == 1
        api.get("/api/v1/research/${annIds.research}/report", ann.token).json.version == 1
        api.get("/api/v1/research/${annIds.research}/logs", ann.token).json*.message == ['ann log']
        api.get("/api/v1/chats/${annIds.chat}/messages", ann.token).json.total == 1
        api.get('/api/v1/backups', ann.token).json*.name == [annIds.backup]
        api.get('/api/v1/api-keys', ann.token).json*.provider == [annIds.provider]
        api.get('/api/v1/api-keys', ann.token).json[0].lastUsedAt == null
        api.get("/api/v1/research/${annIds.research}", ann.token).json.status == 'pending'
        !filesServed || api.get("/api/v1/messages/${annIds.message}/files/0", ann.token).status == 200
        api.get("/api/v1/agents/${annIds.agent}", ann.token).json.with { name == 'ann agent' && active }
        api.get("/api/v1/executions/${annIds.execution}", ann.token).json.with { status == 'running' && output == null }
        api.get("/api/v1/executions/${annIds.execution}/logs", ann.token).json*.message == ['ann execution log']
        api.get("/api/v1/drafts/${annIds.draft}", ann.token).json.with { version == 2 && content == 'ann draft v2' }
        api.get("/api/v1/drafts/${annIds.draft}/references", ann.token).json*.researchId == [annIds.research]
        api.get("/api/v1/writing-sessions/${annIds.session}", ann.token).json.chatId == annIds.chat
        api.get("/api/v1/chats/${annIds.chat}/research", ann.token).json.total == 1
        api.get("/api/v1/documents/${annIds.document}", ann.token).json.title == 'ann paper'
        api.get("/api/v1/documents/${annIds.document}", ann.token).json.status == 'pending'
        api.get("/api/v1/documents/${annIds.document}", ann.token).json.groups*.id == [annIds.group]
        api.get("/api/v1/documents/${annIds.document}/file", ann.token).text == 'ann bytes'
        api.get("/api/v1/documents/${annIds.document}/chunks", ann.token).json.items*.text == ['ann chunk']
        api.get("/api/v1/document-groups/${annIds.group}", ann.token).json.name == 'ann group'
        api.get("/api/v1/document-groups/${annIds.group}", ann.token).json.documentCount == 1
    }

    private static String expand(Object template, Map<String, String> ids) {
        (template as String).replaceAll(/\{(\w+)\}/) { all, kind -> ids[kind] }
    }

    private static Object created(Api.Reply reply) {
        assert reply.status == 201: reply.toString()
        reply.json
    }
}
