package dev.researchvault.reliability

import dev.researchvault.reliability.support.Api
import dev.researchvault.reliability.support.ReliabilitySpec
import dev.researchvault.reliability.support.Snapshot
import dev.researchvault.reliability.support.User
import spock.lang.Shared
import spock.lang.Unroll

/**
 * Hostile requests against a server holding one user's data: each is refused with a 4xx problem+json
 * (never a 5xx), and afterwards no file has appeared or vanished anywhere under the spec's temp parent,
 * no account was added and the user's row counts and backups are what they were.
 */
class HostileInputSpec extends ReliabilitySpec {

    static final String TEN_MB = 'x' * (10 * 1024 * 1024)
    static final String RANDOM_ID = UUID.randomUUID().toString()
    /** Put into hostile input that must not come back in an answer or reach the log. */
    static final String MARKER = 'hostile-marker-7f3a'

    @Shared User alice
    @Shared String research
    @Shared String chat
    @Shared String message
    @Shared String backup
    @Shared String agent
    @Shared String execution
    @Shared String session
    @Shared String draft
    @Shared String document
    @Shared String group

    def setupSpec() {
        startServer()
        alice = newUser('alice')
        research = api.post('/api/v1/research', [query: 'blue sky', mode: 'quick'], alice.token).json.id
        api.post("/api/v1/research/${research}/logs", [level: 'info', message: 'started'], alice.token)
        chat = api.post('/api/v1/chats', [title: 'chat'], alice.token).json.id
        message = api.post("/api/v1/chats/${chat}/messages", [role: 'user', content: 'hello'], alice.token).json.id
        agent = api.post('/api/v1/agents', [name: 'scout', model: 'm'], alice.token).json.id
        execution = api.post("/api/v1/agents/${agent}/executions", [input: 'look around'], alice.token).json.id
        api.post("/api/v1/executions/${execution}/logs", [level: 'info', message: 'started'], alice.token)
        session = api.post('/api/v1/writing-sessions', [title: 'essay', chatId: chat], alice.token).json.id
        draft = api.post("/api/v1/writing-sessions/${session}/drafts", [title: 'intro', content: 'once'], alice.token).json.id
        assert api.put("/api/v1/drafts/${draft}", [content: 'once upon', baseVersion: 1], alice.token).status == 200
        document = api.multipart('/api/v1/documents', [['file', 'a.pdf', 'application/pdf', 'pdf bytes'], ['title', null, null, 'paper']], alice.token).json.id
        group = api.post('/api/v1/document-groups', [name: 'reading'], alice.token).json.id
        api.put("/api/v1/document-groups/${group}/documents/${document}", null, alice.token)
        api.put('/api/v1/settings/backup.max_count', [value: 3], alice.token)
        backup = api.post('/api/v1/backups', null, alice.token).json.name
        // the first unknown-name login creates data/decoy.db (file-format.md): let it happen before the snapshots
        assert api.post('/api/v1/auth/login', [username: 'nobody-at-all', password: 'long enough password']).status == 401
    }

    @Unroll
    def "#method #shown is refused with a 4xx problem and changes nothing"() {
        given:
        Snapshot before = Snapshot.take(parentDir, files, api, alice)
        int failuresBefore = failedRequestsLogged()

        when:
        Api.Reply reply = send(method, path, body, auth)

        then:
        reply.status in 400..499
        reply.problem
        reply.json.code instanceof String

        and:
        failedRequestsLogged() == failuresBefore
        unchangedSince(before)

        where:
        [method, path, body, auth] << hostileRequests()
        shown = "${path.take(70)} ${body instanceof String ? body.take(40) : body?.toString()?.take(40) ?: ''} (${auth.take(12)})"
    }

    @Unroll
    def "an import of #name answers #status #code and changes nothing"() {
        given:
        Snapshot before = Snapshot.take(parentDir, files, api, alice)
        int failuresBefore = failedRequestsLogged()

        when:
        Api.Reply reply = api.send('POST', '/api/v1/import', archive, alice.token, ['Content-Type': 'application/zip'])

        then:
        reply.status == status
        reply.problem
        reply.json.code == code
        failedRequestsLogged() == failuresBefore
        unchangedSince(before)

        where:
        name                      | archive                                                                       || status | code
        'bytes that are no zip'   | 'PK\u0003\u0004 not really'.bytes                                            || 400    | 'import.malformed'
        'a zip-slip entry'        | zipOf(['manifest.json': MANIFEST, '../../../../registry.db': 'x'])           || 400    | 'import.unexpected-entry'
        'a climbing file name'    | zipOf(['manifest.json': MANIFEST, 'files/../../users/x.json': '{}'])        || 400    | 'import.unexpected-entry'
        'a table of the server'   | zipOf(['manifest.json': MANIFEST, 'row_count.jsonl': '{"table_name":"research","row_count":0}']) || 400 | 'import.unexpected-entry'
        'SQL in a field name'     | zipOf(['manifest.json': MANIFEST, 'research.jsonl': '{"id":"x","1); DROP TABLE research; --":1}']) || 400 | 'import.invalid-record'
        'a bomb of one line'      | zipOf(['manifest.json': MANIFEST, 'research.jsonl': new byte[80 * 1024 * 1024]]) || 413 | 'import.too-large'
        'a deep nesting'          | zipOf(['manifest.json': '{"format":' + '['.multiply(5000) + ']'.multiply(5000) + '}']) || 400 | 'import.invalid-json'
    }

    static final String MANIFEST = '{"format":"research-vault-export","version":1}'

    static byte[] zipOf(Map<String, Object> entries) {
        def out = new ByteArrayOutputStream()
        new java.util.zip.ZipOutputStream(out).withCloseable { zip ->
            entries.each { name, content ->
                zip.putNextEntry(new java.util.zip.ZipEntry(name))
                zip.write(content instanceof byte[] ? content as byte[] : content.toString().getBytes('UTF-8'))
                zip.closeEntry()
            }
        }
        out.toByteArray()
    }

    @Unroll
    def "#name answers #status #code, changes nothing and logs neither a failure nor the input"() {
        given:
        Snapshot before = Snapshot.take(parentDir, files, api, alice)
        int failuresBefore = failedRequestsLogged()
        int unexpectedBefore = server.log.count('Unexpected error')

        when:
        Api.Reply reply = api.send(method, withIds(path), body, alice.token, headers)

        then:
        reply.status == status
        reply.problem
        reply.json.code == code
        !reply.text.contains(MARKER)

        and: 'settings still read, and nothing else changed'
        api.get('/api/v1/settings', alice.token).status == 200
        !api.get('/api/v1/settings/app.shortcuts', alice.token).json.overridden
        failedRequestsLogged() == failuresBefore
        server.log.count('Unexpected error') == unexpectedBefore
        !server.log.contains(MARKER)
        unchangedSince(before)

        where:
        [name, method, path, body, headers, status, code] << issue12Requests()
    }

    @Unroll
    def "search text #q matches nothing and changes nothing"() {
        given:
        Snapshot before = Snapshot.take(parentDir, files, api, alice)

        when:
        def reply = api.get("/api/v1/research?q=${URLEncoder.encode(q, 'UTF-8')}", alice.token)

        then:
        reply.status == 200
        reply.json.total == 0
        unchangedSince(before)

        where:
        q << ["' OR '1'='1", "%", "_", "%' --", "\"; DROP TABLE research; --", "!", "\\", "blue%sky", "blue_sky"]
    }

    @Unroll
    def "full-text search for #q answers 200 with what its words find (#expected), never FTS syntax, and changes nothing"() {
        given:
        Snapshot before = Snapshot.take(parentDir, files, api, alice)

        when:
        def reply = api.get("/api/v1/search?q=${URLEncoder.encode(q, 'UTF-8')}", alice.token)

        then:
        reply.status == 200
        reply.json.total == expected
        unchangedSince(before)

        where: 'only the research "blue sky" holds "sky"; no item holds "and", "not", "near", "title", "or" or "drop"'
        q                               | expected
        '"sky'                          | 1
        'sky*)'                         | 1
        '^sky'                          | 1
        'sky AND NOT blue'              | 0
        'NEAR(sky blue)'                | 0
        'title:sky'                     | 0
        '{title}: sky'                  | 0
        "' OR '1'='1"                   | 0
        '"; DROP TABLE search_text; --' | 0
        'sky" OR "blue'                 | 0
        'x' * 500                       | 0
        'a ' * 32                       | 0
    }

    @Unroll
    def "odd but valid text #name is stored and read back exactly"() {
        when:
        def created = api.post('/api/v1/research', [query: text, mode: 'quick'], alice.token)

        then:
        created.status == 201
        api.get("/api/v1/research/${created.json.id}", alice.token).json.query == text

        cleanup:
        if (created?.status == 201) { api.delete("/api/v1/research/${created.json.id}", alice.token) }

        where:
        name                  | text
        'NUL inside'          | 'a\u0000b'
        'RTL override'        | 'abc\u202Edef\u200F'
        'BOM and zero widths' | '\uFEFFa\u200Bb\u200Dc'
        'emoji and combining' | 'e\u0301 \uD83D\uDE00 \uD83C\uDDE9\uD83C\uDDEA'
        'line separators'     | 'a\u2028b\u2029c\r\nd'
    }

    @Unroll
    def "text with a lone surrogate (#name) is refused rather than stored altered"() {
        given:
        Snapshot before = Snapshot.take(parentDir, files, api, alice)

        when:
        def reply = api.post('/api/v1/research', """{"query":"${escaped}","mode":"quick"}""", alice.token)

        then:
        reply.status == 400
        reply.problem
        unchangedSince(before)

        where:
        name            | escaped
        'high alone'    | 'a\\uD800b'
        'low alone'     | 'a\\uDC00b'
        'high at end'   | 'abc\\uDBFF'
        'reversed pair' | '\\uDE00\\uD83D'
    }

    @Unroll
    def "a lone surrogate in #field is refused rather than stored altered"() {
        given:
        Snapshot before = Snapshot.take(parentDir, files, api, alice)

        when:
        def reply = api.send(method, withIds(path.replace('RESEARCH', research)), body.replace('LONE', '\\uD800'), alice.token)

        then:
        reply.status == 400
        reply.problem
        unchangedSince(before)

        where:
        field                  | method  | path                                       | body
        'a chat title'         | 'POST'  | '/api/v1/chats'                            | '{"title":"aLONEb"}'
        'a research title'     | 'PATCH' | '/api/v1/research/RESEARCH'                | '{"title":"aLONEb"}'
        'a log line'           | 'POST'  | '/api/v1/research/RESEARCH/logs'           | '{"level":"info","message":"aLONEb"}'
        'a string setting'     | 'PUT'   | '/api/v1/settings/llm.model'               | '{"value":"aLONEb"}'
        'an API key note'      | 'PUT'   | '/api/v1/api-keys/openai'                  | '{"key":"sk-abcdefghijklmnop","description":"aLONEb"}'
        'an agent name'        | 'POST'  | '/api/v1/agents'                           | '{"name":"aLONEb","model":"m"}'
        'a system prompt'      | 'PATCH' | '/api/v1/agents/AGENT'                     | '{"systemPrompt":"aLONEb"}'
        'an execution input'   | 'POST'  | '/api/v1/agents/AGENT/executions'          | '{"input":"aLONEb"}'
        'an execution output'  | 'PATCH' | '/api/v1/executions/EXECUTION'             | '{"output":"aLONEb"}'
        'an execution log'     | 'POST'  | '/api/v1/executions/EXECUTION/logs'        | '{"level":"info","message":"aLONEb"}'
        'a session title'      | 'PATCH' | '/api/v1/writing-sessions/SESSION'         | '{"title":"aLONEb"}'
        'a draft title'        | 'POST'  | '/api/v1/writing-sessions/SESSION/drafts'  | '{"title":"aLONEb","content":"c"}'
        'a draft content'      | 'PUT'   | '/api/v1/drafts/DRAFT'                     | '{"content":"aLONEb","baseVersion":2}'
        'a citation'           | 'POST'  | '/api/v1/drafts/DRAFT/references'          | '{"citation":"aLONEb"}'
        'a document title'     | 'PATCH' | '/api/v1/documents/DOCUMENT'               | '{"title":"aLONEb"}'
        'a document text'      | 'PUT'   | '/api/v1/documents/DOCUMENT/text'          | '{"text":"aLONEb"}'
        'a chunk text'         | 'PUT'   | '/api/v1/documents/DOCUMENT/chunks'        | '[{"index":0,"text":"aLONEb","startOffset":0,"endOffset":1}]'
        'a group name'         | 'POST'  | '/api/v1/document-groups'                  | '{"name":"aLONEb"}'
    }

    def "a lone surrogate in research metadata is refused or kept exactly (JSON text escapes it)"() {
        when:
        def reply = api.patch("/api/v1/research/${research}", '{"metadata":{"k":"a\\uD800b"}}', alice.token)

        then:
        reply.status == 400 || api.get("/api/v1/research/${research}", alice.token).json.metadata.k == 'a\uD800b'
    }

    @Unroll
    def "lenient JSON #body is refused"() {
        when:
        def reply = api.post('/api/v1/research', body, alice.token)

        then:
        reply.status == 400
        reply.json.code == 'request.invalid'

        cleanup:
        if (reply?.status == 201) { api.delete("/api/v1/research/${reply.json.id}", alice.token) }

        where:
        body << ['{"query":"x","mode":"quick"}}', '{"query":"x","mode":"quick"} trailing', '{"query":"x","mode":["quick"]}']
    }

    private boolean unchangedSince(Snapshot before) {
        Snapshot now = Snapshot.take(parentDir, files, api, alice)
        assert now == before: now.differenceFrom(before)
        true
    }

    private Api.Reply send(String method, String path, Object body, String auth) {
        Map<String, String> headers = [:]
        String token = null
        switch (auth) {
            case 'alice': token = alice.token; break
            case 'none': break
            default: headers.Authorization = auth
        }
        api.send(method, path, body, token, headers)
    }

    private int failedRequestsLogged() {
        server.log.count('event=request.failed')
    }

    /**
     * Issue 12, item 13: [name, method, path, body, headers, status, code]. Settings nested too deep (65-999 levels
     * answered 500, 64 was stored and broke every list), random bytes as multipart (413), a long URL or long
     * headers (413 "body too large"), numbers the server cannot read ("check the JSON syntax").
     */
    List<List> issue12Requests() {
        def garbage = new byte[2048]
        new Random(12).nextBytes(garbage)
        def nested = { int depth -> ('[' * depth + ']' * depth) as String }
        def messages = '/api/v1/chats/CHAT/messages'
        List<List> cases = []
        [33, 64, 65, 100, 999].each { depth ->
            cases << ["a setting nested ${depth} deep", 'PUT', '/api/v1/settings/app.shortcuts',
                      "{\"value\":${nested(depth)}}" as String, [:], 400, 'settings.too-deep']
        }
        ['multipart/form-data; boundary=x', 'multipart/form-data', 'multipart/form-data; boundary='].each { type ->
            cases << ["2 KB of random bytes as ${type}", 'POST', messages, garbage, ['Content-Type': type], 400,
                      'request.malformed-multipart']
            cases << ["2 KB of random bytes as ${type} to the documents", 'POST', '/api/v1/documents', garbage,
                      ['Content-Type': type], 400, 'request.malformed-multipart']
        }
        cases << ['a document part without Content-Disposition', 'POST', '/api/v1/documents',
                  "--x\r\nX-Note: ${MARKER}\r\n\r\nuser\r\n--x--\r\n".toString().bytes,
                  ['Content-Type': 'multipart/form-data; boundary=x'], 400, 'request.malformed-multipart']
        cases << ['a document upload of text parts only', 'POST', '/api/v1/documents',
                  "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n${MARKER}\r\n--x--\r\n".toString().bytes,
                  ['Content-Type': 'multipart/form-data; boundary=x'], 400, 'document.file-required']
        cases << ['chunk metadata nested 100 deep', 'PUT', '/api/v1/documents/DOCUMENT/chunks',
                  "[{\"index\":0,\"text\":\"t\",\"startOffset\":0,\"endOffset\":1,\"metadata\":{\"m\":${nested(100)}}}]" as String,
                  [:], 400, 'document.invalid-chunks']
        cases << ['a part without Content-Disposition', 'POST', messages,
                  "--x\r\nX-Note: ${MARKER}\r\n\r\nuser\r\n--x--\r\n".toString().bytes,
                  ['Content-Type': 'multipart/form-data; boundary=x'], 400, 'request.malformed-multipart']
        cases << ['a 20 KB query string', 'GET', "/api/v1/research?q=${MARKER}${'x' * 20_000}", null, [:], 414,
                  'request.uri-too-long']
        cases << ['20 KB of headers', 'GET', '/api/v1/research', null, ['X-Padding': MARKER + 'y' * 20_000], 431,
                  'request.headers-too-large']
        ['page=99999999999', 'size=1e3', 'size=99999999999', 'page=abc', 'page=1.5'].each { query ->
            cases << ["?${query}", 'GET', "/api/v1/research?${query}", null, [:], 400, 'request.invalid-parameter']
            cases << ["chats ?${query}", 'GET', "/api/v1/chats?${query}", null, [:], 400, 'request.invalid-parameter']
        }
        cases << ['?page=-1', 'GET', '/api/v1/research?page=-1', null, [:], 400, 'page.invalid-page']
        cases << ['logs ?after=99999999999999999999', 'GET', "/api/v1/research/${research}/logs?after=99999999999999999999",
                  null, [:], 400, 'request.invalid-parameter']
        cases.addAll(agentRequests(nested))
        cases.addAll(issue18Requests())
        cases
    }

    /**
     * Issue 18: the endpoints a frontend asked for (batch settings, key reveal, messages by cursor) and the values they
     * now check (URL and time-zone settings, research modes, files per message), in the same form as
     * {@link #issue12Requests()}.
     */
    List<List> issue18Requests() {
        def messages = '/api/v1/chats/CHAT/messages'
        List<List> cases = []
        cases << ['a file URL for the model endpoint', 'PUT', '/api/v1/settings/llm.endpoint_url', [value: "file:///${MARKER}"],
                  [:], 400, 'settings.invalid-value']
        cases << ['a time zone on Mars', 'PUT', '/api/v1/settings/app.timezone', [value: "Mars/${MARKER}"], [:], 400,
                  'settings.invalid-value']
        cases << ['a batch of settings with one file URL', 'PATCH', '/api/v1/settings',
                  ['app.theme': 'dark', 'llm.endpoint_url': "file:///${MARKER}"], [:], 400, 'settings.invalid-value']
        cases << ['a batch of settings with an unknown key', 'PATCH', '/api/v1/settings', ['app.theme': 'dark', 'no.such': MARKER],
                  [:], 400, 'settings.invalid-value']
        cases << ['a batch of settings nested 999 deep', 'PATCH', '/api/v1/settings',
                  "{\"app.shortcuts\":${'[' * 999}${']' * 999},\"llm.model\":\"${MARKER}\"}" as String, [:], 400,
                  'settings.invalid-value']
        cases << ['a batch of settings that is an array', 'PATCH', '/api/v1/settings', "[\"${MARKER}\"]" as String, [:], 400,
                  'request.invalid-body']
        cases << ['a key reveal with a wrong password', 'POST', '/api/v1/api-keys/openai/reveal', [password: MARKER], [:], 403,
                  'account.password-mismatch']
        cases << ['a key reveal of a provider that is no name', 'POST', '/api/v1/api-keys/UPPER/reveal', [password: MARKER], [:],
                  400, 'api-key.invalid-provider']
        cases << ['a research mode nobody documented', 'POST', '/api/v1/research', [query: MARKER, mode: 'thorough'], [:], 400,
                  'research.invalid-mode']
        cases << ['messages after a cursor that is none', 'GET', "${messages}?after=not-a-cursor", null, [:], 400,
                  'page.invalid-cursor']
        cases << ['messages by page and cursor at once', 'GET', "${messages}?page=1&after=not-a-cursor", null, [:], 400,
                  'page.page-with-cursor']
        cases << ['a message with 21 files', 'POST', messages,
                  [role: 'user', content: MARKER, files: (0..20).collect { [name: "f${it}.txt", mime: 'text/plain', data: 'eA=='] }],
                  [:], 413, 'chat.too-many-files']
        cases
    }

    /**
     * Issue 14: the agent, execution and usage endpoints, in the same form as {@link #issue12Requests()}. The marker
     * goes in bodies only: the framework's DEBUG log names every request's path and query string.
     */
    List<List> agentRequests(Closure<String> nested) {
        List<List> cases = []
        [33, 65, 999].each { depth ->
            cases << ["agent parameters nested ${depth} deep", 'POST', '/api/v1/agents',
                      "{\"name\":\"${MARKER}\",\"model\":\"m\",\"parameters\":{\"k\":${nested(depth - 1)}}}" as String, [:], 400,
                      'agent.parameters-too-deep']
            cases << ["agent parameters nested ${depth} deep in a PATCH", 'PATCH', '/api/v1/agents/AGENT',
                      "{\"parameters\":{\"k\":${nested(depth - 1)}}}" as String, [:], 400, 'agent.parameters-too-deep']
        }
        cases << ['agent parameters of 20 KB', 'POST', '/api/v1/agents',
                  [name: 'wide', model: 'm', parameters: [k: MARKER * 1200]], [:], 400, 'agent.parameters-too-large']
        cases << ['agent parameters of 5,000 keys', 'POST', '/api/v1/agents',
                  [name: 'wide', model: 'm', parameters: (1..5000).collectEntries { ["${MARKER}$it", it] }], [:], 400,
                  'agent.parameters-too-large']
        cases << ['active "maybe" in a body', 'POST', '/api/v1/agents', [name: 'x', model: 'm', active: 'maybe'], [:], 400,
                  'agent.invalid-active']
        cases << ['the name of the existing agent in capitals', 'POST', '/api/v1/agents', [name: 'SCOUT', model: 'm'], [:], 409,
                  'agent.name-taken']
        cases << ['agents ?active=maybe', 'GET', '/api/v1/agents?active=maybe', null, [:], 400, 'agent.invalid-filter']
        cases << ['executions ?status=bogus', 'GET', '/api/v1/executions?status=bogus', null, [:], 400, 'execution.invalid-status']
        cases << ['executions ?agentId=garbage', 'GET', '/api/v1/executions?agentId=not-an-id', null, [:], 400, 'request.invalid-parameter']
        cases << ['executions ?chatId=garbage', 'GET', '/api/v1/executions?chatId=%27%20OR%201=1--', null, [:], 400,
                  'request.invalid-parameter']
        cases << ['executions ?size=1e3', 'GET', '/api/v1/executions?size=1e3', null, [:], 400, 'request.invalid-parameter']
        cases << ['execution logs ?after=huge', 'GET', '/api/v1/executions/EXECUTION/logs?after=99999999999999999999', null, [:],
                  400, 'request.invalid-parameter']
        cases << ['a chatId that is no id', 'POST', '/api/v1/agents/AGENT/executions', [input: 'x', chatId: MARKER], [:], 404,
                  'chat.not-found']
        cases << ['negative prompt tokens', 'PATCH', '/api/v1/executions/EXECUTION', [usage: [promptTokens: -1, completionTokens: 0]],
                  [:], 400, 'usage.invalid-tokens']
        cases << ['tokens beyond 10^12', 'PATCH', '/api/v1/executions/EXECUTION',
                  [usage: [promptTokens: 10G ** 13, completionTokens: 0]], [:], 400, 'usage.invalid-tokens']
        cases << ['a negative cost', 'PATCH', '/api/v1/executions/EXECUTION',
                  [usage: [promptTokens: 1, completionTokens: 1, costUsd: -0.000001]], [:], 400, 'usage.invalid-cost']
        cases << ['a cost of 10^30 dollars', 'PATCH', '/api/v1/executions/EXECUTION',
                  '{"usage":{"promptTokens":1,"completionTokens":1,"costUsd":1e30}}', [:], 400, 'usage.invalid-cost']
        cases << ['a move from pending to completed', 'PATCH', '/api/v1/executions/EXECUTION', [status: 'completed', output: MARKER],
                  [:], 409, 'execution.illegal-status-change']
        cases << ['a draft content over 1 Mi characters', 'PUT', '/api/v1/drafts/DRAFT',
                  [content: MARKER * 70_000, baseVersion: 2], [:], 413, 'draft.too-large']
        cases << ['a save over an old version', 'PUT', '/api/v1/drafts/DRAFT', [content: MARKER, baseVersion: 1], [:], 409,
                  'draft.version-conflict']
        cases << ['a save without a base version', 'PUT', '/api/v1/drafts/DRAFT', [content: MARKER], [:], 400,
                  'draft.invalid-base-version']
        cases << ['a base version that is text', 'PUT', '/api/v1/drafts/DRAFT', [content: MARKER, baseVersion: MARKER], [:], 400,
                  'request.invalid']
        cases << ['a version that is no number', 'GET', '/api/v1/drafts/DRAFT/versions/first', null, [:], 404,
                  'draft.version-not-found']
        cases << ['a version beyond an int', 'GET', '/api/v1/drafts/DRAFT/versions/99999999999999999999', null, [:], 404,
                  'draft.version-not-found']
        cases << ['versions ?page=-1', 'GET', '/api/v1/drafts/DRAFT/versions?page=-1', null, [:], 400, 'page.invalid-page']
        cases << ['versions ?size=1e3', 'GET', '/api/v1/drafts/DRAFT/versions?size=1e3', null, [:], 400,
                  'request.invalid-parameter']
        cases << ['a reference to a document that is no id', 'POST', '/api/v1/drafts/DRAFT/references',
                  [citation: 'c', documentId: MARKER], [:], 400, 'reference.invalid-link']
        cases << ['a citation of 10,001 characters', 'POST', '/api/v1/drafts/DRAFT/references', [citation: 'c' * 10_001],
                  [:], 400, 'reference.invalid-citation']
        cases << ['a negative position', 'POST', '/api/v1/drafts/DRAFT/references', [citation: 'c', position: -1], [:], 400,
                  'reference.invalid-position']
        cases << ['a session from a chat that is no id', 'POST', '/api/v1/writing-sessions', [title: 't', chatId: MARKER], [:],
                  404, 'chat.not-found']
        cases << ['research from a chat that is no id', 'POST', '/api/v1/research', [query: 'q', mode: 'quick', chatId: MARKER],
                  [:], 404, 'chat.not-found']
        cases << ['the research of a chat that is no id', 'GET', '/api/v1/chats/no-chat/research', null, [:], 404,
                  'chat.not-found']
        cases << ['usage ?from=yesterday', 'GET', '/api/v1/usage?from=yesterday&to=2026-01-01T00:00:00Z', null, [:], 400,
                  'usage.invalid-range']
        cases << ['usage over a century', 'GET', '/api/v1/usage?from=1900-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', null, [:], 400,
                  'usage.invalid-range']
        cases << ['usage ?groupBy=week', 'GET', '/api/v1/usage?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&groupBy=week',
                  null, [:], 400, 'usage.invalid-group']
        cases
    }

    private String withIds(String path) {
        path.replace('CHAT', chat).replace('AGENT', agent).replace('EXECUTION', execution).replace('SESSION', session)
                .replace('DRAFT', draft).replace('DOCUMENT', document).replace('GROUP', group)
    }

    /** [method, path, body, auth]: auth is 'alice', 'none' or a literal Authorization header. */
    List<List> hostileRequests() {
        def research = '/api/v1/research'
        def r = "${research}/${this.research}"
        List<List> cases = []
        // malformed, truncated and wrongly typed JSON
        ['{', '{"query":', '{"query":"x","mode":"quick"', '[]', 'null', '"text"', '12',
         '{"query":{"a":1},"mode":"quick"}', '{"query":"x","mode":[]}', '{"query":"x","mode":{"m":1}}',
         '[' * 100_000, '{"query":"' + 'x' * 1000 + '\\', ''].each { cases << ['POST', research, it, 'alice'] }
        cases << ['POST', research, [0xFF, 0xFE, 0x7B] as byte[], 'alice']
        cases << ['POST', research, [query: TEN_MB, mode: 'quick'], 'alice']
        cases << ['PATCH', r, [progress: 'abc'], 'alice']
        cases << ['PATCH', r, [progress: 101], 'alice']
        cases << ['PATCH', r, [progress: 2 ** 40], 'alice']
        cases << ['PATCH', r, [status: 'hacked'], 'alice']
        cases << ['PATCH', r, [status: 'completed'], 'alice']
        cases << ['PATCH', r, [metadata: 'not an object'], 'alice']
        cases << ['PATCH', r, [title: TEN_MB], 'alice']
        cases << ['POST', "${r}/logs", [level: 'panic', message: 'm'], 'alice']
        cases << ['POST', "${r}/logs", [level: 'info', message: TEN_MB], 'alice']
        cases << ['POST', "${r}/resources", [], 'alice']
        cases << ['POST', "${r}/resources", (1..501).collect { [title: 't', url: 'https://x', snippet: 's', sourceType: 'web'] }, 'alice']
        cases << ['POST', "${r}/resources", [[title: 't', url: 'https://x', snippet: 's', sourceType: 'web', queryId: '../x']], 'alice']
        cases << ['PUT', "${r}/report", [content: 'x', format: 'html'], 'alice']
        // agents and executions: unreadable, wrongly typed and oversized bodies
        ['{', '[]', 'null', '"text"', '{"name":{"a":1},"model":"m"}', '{"name":"x","model":"m","parameters":[]}',
         '{"name":"x","model":"m","parameters":"p"}', '[' * 100_000, ''].each { cases << ['POST', '/api/v1/agents', it, 'alice'] }
        cases << ['POST', '/api/v1/agents', [name: 'x', model: 'm', systemPrompt: TEN_MB], 'alice']
        cases << ['PATCH', "/api/v1/agents/${agent}", [name: TEN_MB], 'alice']
        cases << ['PATCH', "/api/v1/agents/${agent}", [model: ''], 'alice']
        cases << ['POST', "/api/v1/agents/${agent}/executions", [input: TEN_MB], 'alice']
        cases << ['POST', "/api/v1/agents/${agent}/executions", [:], 'alice']
        cases << ['PATCH', "/api/v1/executions/${execution}", [status: 'hacked'], 'alice']
        cases << ['PATCH', "/api/v1/executions/${execution}", [usage: 'lots'], 'alice']
        cases << ['PATCH', "/api/v1/executions/${execution}", [usage: [promptTokens: 'ten', completionTokens: 1]], 'alice']
        cases << ['PATCH', "/api/v1/executions/${execution}", [error: 'e' * 10_001], 'alice']
        cases << ['POST', "/api/v1/executions/${execution}/logs", [level: 'panic', message: 'm'], 'alice']
        cases << ['POST', "/api/v1/executions/${execution}/logs", [message: 'no level'], 'alice']
        // documents and groups: unreadable, wrongly typed, out of order and oversized
        def d = "/api/v1/documents/${document}"
        cases << ['POST', '/api/v1/documents', [title: 'json is not multipart'], 'alice']
        cases << ['PATCH', d, [status: 'hacked'], 'alice']
        cases << ['PATCH', d, [status: 'completed'], 'alice']
        cases << ['PATCH', d, [error: 'not failed'], 'alice']
        cases << ['PATCH', d, [year: 'abc'], 'alice']
        cases << ['PATCH', d, [year: 2 ** 40], 'alice']
        cases << ['PATCH', d, [year: 1.5], 'alice']
        cases << ['PATCH', d, [title: TEN_MB], 'alice']
        cases << ['PATCH', d, [sourceUrl: 'u' * 2049], 'alice']
        ['{', '[]', 'null', '12', ''].each { cases << ['PUT', "${d}/text", it, 'alice'] }
        cases << ['PUT', "${d}/text", [text: TEN_MB], 'alice']
        ['{', '{"index":0}', 'null', '"text"', '[1]', '[[]]', '[null]', '[' * 100_000, ''].each { cases << ['PUT', "${d}/chunks", it, 'alice'] }
        cases << ['PUT', "${d}/chunks", [[index: 0, text: 'a', startOffset: 2, endOffset: 1]], 'alice']
        cases << ['PUT', "${d}/chunks", [[index: 2 ** 40, text: 'a', startOffset: 0, endOffset: 1]], 'alice']
        cases << ['PUT', "${d}/chunks", [[index: 0, text: 'a', startOffset: 0, endOffset: 1], [index: 0, text: 'b', startOffset: 0, endOffset: 1]], 'alice']
        cases << ['PUT', "${d}/chunks", (0..10_000).collect { [index: it, text: 't', startOffset: 0, endOffset: 1] }, 'alice']
        cases << ['GET', "${d}/chunks?page=-1", null, 'alice']
        cases << ['GET', '/api/v1/documents?status=hacked', null, 'alice']
        cases << ['GET', "/api/v1/documents?q=${'q' * 201}", null, 'alice']
        cases << ['GET', '/api/v1/documents?after=not-a-cursor', null, 'alice']
        ['{', '[]', '{"name":{"a":1}}', ''].each { cases << ['POST', '/api/v1/document-groups', it, 'alice'] }
        cases << ['POST', '/api/v1/document-groups', [name: TEN_MB], 'alice']
        cases << ['POST', '/api/v1/document-groups', [name: 'READING'], 'alice']
        cases << ['PATCH', "/api/v1/document-groups/${group}", [description: 'd' * 2001], 'alice']
        cases << ['PUT', "/api/v1/document-groups/${group}/documents/${RANDOM_ID}", null, 'alice']
        cases << ['POST', "/api/v1/chats/${chat}/messages", [role: 'root', content: 'x'], 'alice']
        cases << ['POST', "/api/v1/chats/${chat}/messages", [role: 'user', content: ' '], 'alice']
        cases << ['POST', "/api/v1/chats/${chat}/messages", [role: 'user', content: 'x' * 1_000_001], 'alice']
        // bodies over the request limit (30 MB)
        cases << ['POST', research, [query: 'x' * (31 * 1024 * 1024), mode: 'quick'], 'alice']
        // ids, names and indexes that try to leave their place
        ['..', '..%2F..%2Fregistry.db', '%2e%2e', '%2e%2e%2f%2e%2e', '_', '%25', "${this.research}%2F..", "${this.research.toUpperCase()}x",
         "'%20OR%20'1'='1", '%00'].each { id ->
            cases << ['GET', "${research}/${id}", null, 'alice']
            cases << ['DELETE', "${research}/${id}", null, 'alice']
            cases << ['GET', "/api/v1/chats/${id}", null, 'alice']
            cases << ['DELETE', "/api/v1/chats/${id}", null, 'alice']
            cases << ['GET', "/api/v1/messages/${id}/files/0", null, 'alice']
            cases << ['GET', "/api/v1/messages/${message}/files/${id}", null, 'alice']
            cases << ['DELETE', "/api/v1/backups/${id}", null, 'alice']
            cases << ['POST', "/api/v1/backups/${id}/restore", [password: alice.password], 'alice']
            cases << ['POST', "/api/v1/backups/${id}/download", [password: alice.password], 'alice']
            cases << ['DELETE', "/api/v1/api-keys/${id}", null, 'alice']
            cases << ['GET', "/api/v1/agents/${id}", null, 'alice']
            cases << ['DELETE', "/api/v1/agents/${id}", null, 'alice']
            cases << ['POST', "/api/v1/agents/${id}/executions", [input: 'x'], 'alice']
            cases << ['GET', "/api/v1/executions/${id}", null, 'alice']
            cases << ['PATCH', "/api/v1/executions/${id}", [status: 'running'], 'alice']
            cases << ['GET', "/api/v1/executions/${id}/logs", null, 'alice']
        }
        // provider names are [a-z0-9._-]{1,64} ('..' and '_' are valid names, never paths); these are not
        ['..%2Fx', '%25', 'a%20b', 'UPPER', 'x' * 65, '%2e%2e%2f'].each { provider ->
            cases << ['PUT', "/api/v1/api-keys/${provider}", [key: 'sk-abcdefghijklmnop'], 'alice']
        }
        ['-1', '01', '0.thumb', '99999999999999999999', '0%2F..'].each {
            cases << ['GET', "/api/v1/messages/${message}/files/${it}", null, 'alice']
        }
        cases << ['DELETE', "/api/v1/backups/${backup}%2F..%2F..%2F..%2Fregistry.db", null, 'alice']
        cases << ['DELETE', "/api/v1/backups/..%2F..%2Fusers", null, 'alice']
        // SQL meta characters in setting keys and values of the wrong type or range
        ["x'%3B%20DROP%20TABLE%20setting_override%3B--", "backup.max_count'%20OR%20'1'='1", '%25', '_', 'backup.%25',
         'backup.max_count%00'].each { key ->
            cases << ['PUT', "/api/v1/settings/${key}", [value: 1], 'alice']
            cases << ['GET', "/api/v1/settings/${key}", null, 'alice']
        }
        [[value: '5'], [value: 2.5], [value: 31], [value: 0], [value: 2 ** 70], [value: null], [:], [value: [1]]].each {
            cases << ['PUT', '/api/v1/settings/backup.max_count', it, 'alice']
        }
        cases << ['PUT', '/api/v1/api-keys/openai', [key: 'short'], 'alice']
        cases << ['PUT', '/api/v1/api-keys/openai', [key: 'sk-abc def ghi jkl'], 'alice']
        cases << ['PUT', '/api/v1/api-keys/openai', [key: 'sk-' + 'a' * 600], 'alice']
        cases << ['PUT', '/api/v1/api-keys/openai', [key: 'sk-abcdefghijklmnop', description: 'a\u0000b'], 'alice']
        // a NUL would end SQLite's LIKE pattern early, matching more than asked for
        cases << ['GET', "${research}?q=sky%00zzz", null, 'alice']
        cases << ['GET', "${research}?q=%00", null, 'alice']
        // paging parameters
        ['size=100000', 'size=0', 'page=-1', 'page=abc', "status=x'%20OR%20'1'='1"].each { cases << ['GET', "${research}?${it}", null, 'alice'] }
        // full-text search: a query that is not one, unknown kinds, bad paging, no session
        def search = '/api/v1/search'
        ['', 'q=', 'q=%20%20', 'q=%22%22', 'q=***', 'q=()', "q=${'x' * 501}", "q=${(1..33).join('+')}", 'q=%00',
         'q=sky&kinds=bogus', 'q=sky&kinds=message,', "q=sky&kinds=message%27%20OR%201=1", 'q=sky&kinds=' + 'message,' * 1000,
         'q=sky&size=0', 'q=sky&size=201', 'q=sky&page=-1', 'q=sky&page=abc', 'q=sky&size=1e3'].each {
            cases << ['GET', "${search}?${it}", null, 'alice']
        }
        cases << ['GET', "${search}?q=sky", null, 'none']
        // live events: another user's or an unknown research, no session
        cases << ['GET', "${research}/${RANDOM_ID}/events", null, 'alice']
        cases << ['GET', "${research}/not-an-id/events", null, 'alice']
        cases << ['GET', '/api/v1/events', null, 'none']
        cases << ['GET', '/api/v1/events', null, "Bearer ${UUID.randomUUID()}"]
        // usernames and passwords
        ['../x', '%2e%2e', '..\\x', 'a/b', 'con\u0000', 'x' * 65, 'x' * 100_000, '', ' ', 'ad\u202Emin', 'é'].each { name ->
            cases << ['POST', '/api/v1/auth/register', [username: name, password: 'long enough password'], 'none']
            cases << ['POST', '/api/v1/auth/login', [username: name, password: 'long enough password'], 'none']
        }
        cases << ['POST', '/api/v1/auth/register', [username: 'fresh-name', password: 'short'], 'none']
        cases << ['POST', '/api/v1/auth/register', [username: 'fresh-name', password: 'p' * 1025], 'none']
        cases << ['POST', '/api/v1/auth/register', [username: alice.name.toUpperCase(), password: 'long enough password'], 'none']
        // forged, malformed and missing tokens
        ['none', 'Bearer', 'Bearer ', "Bearer ${'A' * 43}", "Bearer ${UUID.randomUUID()}", 'Basic YWxpY2U6c2VjcmV0',
         "Bearer ../../registry.db", "Bearer ${'A' * 6000}", "Bearer ${'A' * 20000}", 'Bearer a b c',
         "Bearer ${alice.token.reverse()}", "Bearer ${alice.token}x", "Bearer ${alice.token.toUpperCase()}",
         "bearer  ${alice.token.substring(1)}"].each { auth ->
            cases << ['GET', research, null, auth]
            cases << ['DELETE', r, null, auth]
            cases << ['POST', '/api/v1/backups', null, auth]
        }
        cases
    }
}
