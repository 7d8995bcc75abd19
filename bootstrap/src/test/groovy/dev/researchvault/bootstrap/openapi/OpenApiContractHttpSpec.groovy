package dev.researchvault.bootstrap.openapi

import dev.researchvault.bootstrap.chat.MessageFilesSpecSupport
import org.yaml.snakeyaml.Yaml
import dev.researchvault.adapter.persistence.ldr.LdrFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * The served /openapi.yml tells the truth: every operation is called here (happy path, and a cheap error where there
 * is one), and each answer's status and Content-Type must be declared for that operation. The last features fail
 * when the description gains an operation that no feature calls, so a new endpoint cannot go undeclared or
 * unchecked: call it below.
 */
@Stepwise
class OpenApiContractHttpSpec extends MessageFilesSpecSupport {

    static final String MISSING = UUID.randomUUID().toString()

    /** Operations by "METHOD /path/{template}", as /openapi.yml declares them. */
    @Shared
    Map<String, Map> operations = [:]

    /** Operations called with a 2xx answer so far. */
    @Shared
    Set<String> succeeded = [] as Set

    @Shared
    User owner

    /** Ids of what the features create, for those that follow (the spec is stepwise). */
    @Shared
    Map<String, String> ids = [:]

    def setupSpec() {
        Map description = new Yaml().load(get('/openapi.yml').text) as Map
        description.paths.each { String path, Map byMethod ->
            byMethod.each { String method, Map operation -> operations["${method.toUpperCase()} ${path}".toString()] = operation }
        }
        owner = user('contract')
    }

    def "health, liveness and the accounts' own operations"() {
        given:
        String name = uniqueName('contract')

        expect:
        exercise('GET', '/health').status == 200
        exercise('GET', '/health/live').status == 200
        exercise('POST', '/api/v1/auth/register', [:], [username: name, password: PASSWORD]).status == 201
        exercise('POST', '/api/v1/auth/register', [:], [username: name, password: PASSWORD]).status == 409
        exercise('POST', '/api/v1/auth/register', [:], [username: 'no spaces', password: PASSWORD]).status == 400
        exercise('POST', '/api/v1/auth/login', [:], [username: name, password: 'wrong password']).status == 401
        exercise('POST', '/api/v1/auth/login', [:], [username: name, password: PASSWORD]).status == 200

        when: 'a second session of the user ends, then the user changes the password and deletes the account'
        String token = login(name, PASSWORD)
        String other = login(name, PASSWORD)

        then:
        exercise('POST', '/api/v1/auth/logout', [:], null, other).status == 204
        exercise('GET', '/api/v1/account', [:], null, token).status == 200
        exercise('POST', '/api/v1/auth/password', [:], [currentPassword: 'not the password', newPassword: 'another good one'], token).status == 403
        exercise('POST', '/api/v1/auth/password', [:], [currentPassword: PASSWORD, newPassword: 'short'], token).status == 400
        exercise('POST', '/api/v1/auth/password', [:], [currentPassword: PASSWORD, newPassword: 'another good one'], token).status == 204
        exercise('DELETE', '/api/v1/account', [:], [password: 'another good one'], login(name, 'another good one')).status == 204
    }

    def "research and what is recorded for it"() {
        given:
        String token = owner.token

        when:
        ids.research = exercise('POST', '/api/v1/research', [:], [query: 'contract', mode: 'quick'], token).json.id
        Map id = [id: ids.research]

        then:
        exercise('GET', '/api/v1/research', [:], null, token).status == 200
        exercise('GET', '/api/v1/research?size=abc', [:], null, token).status == 400
        exercise('GET', '/api/v1/research/{id}', id, null, token).status == 200
        exercise('GET', '/api/v1/research/{id}', [id: MISSING], null, token).status == 404
        exercise('PATCH', '/api/v1/research/{id}', id, [title: 'Contract'], token).status == 200
        exercise('POST', '/api/v1/research/{id}/queries', id, [query: 'q', engine: 'web'], token).status == 201
        exercise('GET', '/api/v1/research/{id}/queries', id, null, token).status == 200
        exercise('POST', '/api/v1/research/{id}/resources', id,
                [[title: 'r', url: 'https://example.org/r', snippet: 's', sourceType: 'web']], token).status == 201
        exercise('GET', '/api/v1/research/{id}/resources', id, null, token).status == 200
        exercise('GET', '/api/v1/research/{id}/report', id, null, token).status == 404
        exercise('PUT', '/api/v1/research/{id}/report', id, [content: '# Findings', format: 'markdown'], token).status == 200
        exercise('GET', '/api/v1/research/{id}/report', id, null, token).status == 200
        exercise('GET', '/api/v1/research/{id}/report', id, null, token, [Accept: 'text/markdown']).contentType.startsWith('text/markdown')
        exercise('POST', '/api/v1/research/{id}/logs', id, [level: 'info', message: 'm'], token).status == 201
        exercise('GET', '/api/v1/research/{id}/logs', id, null, token).status == 200
        stream('/api/v1/research/{id}/events', id, token) == 200
        stream('/api/v1/research/{id}/events', [id: MISSING], token) == 404
        stream('/api/v1/events', [:], token) == 200
    }

    def "chats, messages and their files"() {
        given:
        String token = owner.token
        Map file = [name: 'notes.txt', mime: 'text/plain', data: base64('hello file'.bytes), thumbnail: 'AwQ=',
                    thumbnailMime: 'image/png']

        when:
        ids.chat = exercise('POST', '/api/v1/chats', [:], [title: 'Contract'], token).json.id
        Map chat = [id: ids.chat]
        Reply posted = exercise('POST', '/api/v1/chats/{id}/messages', chat, [role: 'user', content: 'hi', files: [file]], token)
        Map message = [id: posted.json.id, index: '0']
        String etag = exercise('GET', '/api/v1/messages/{id}/files/{index}', message, null, token).header('ETag')

        then:
        posted.status == 201
        multipart('/api/v1/chats/{id}/messages', chat, [['role', null, null, 'user'], ['content', null, null, 'hey'],
                                                        ['files', 'a.txt', 'text/plain', 'bytes']], token).status == 201
        multipart('/api/v1/chats/{id}/messages', chat, [['colour', null, null, 'red']], token).status == 400
        exercise('GET', '/api/v1/chats', [:], null, token).status == 200
        exercise('GET', '/api/v1/chats/{id}', chat, null, token).status == 200
        exercise('GET', '/api/v1/chats/{id}', [id: MISSING], null, token).status == 404
        exercise('PATCH', '/api/v1/chats/{id}', chat, [title: 'Renamed'], token).status == 200
        exercise('GET', '/api/v1/chats/{id}/messages', chat, null, token).status == 200
        exercise('GET', '/api/v1/chats/{id}/research', chat, null, token).status == 200
        exercise('PATCH', '/api/v1/messages/{id}', message, [content: 'edited'], token).status == 200
        exercise('GET', '/api/v1/messages/{id}/files/{index}', message, null, token, ['If-None-Match': etag]).status == 304
        exercise('GET', '/api/v1/messages/{id}/files/{index}', message, null, token, [Range: 'bytes=0-1']).status == 206
        exercise('GET', '/api/v1/messages/{id}/files/{index}', message, null, token, [Range: 'bytes=500-600']).status == 416
        exercise('GET', '/api/v1/messages/{id}/files/{index}', [id: message.id, index: '7'], null, token).status == 404
        exercise('GET', '/api/v1/messages/{id}/files/{index}/thumbnail', message, null, token).status == 200
        exercise('DELETE', '/api/v1/messages/{id}', message, null, token).status == 204
        exercise('DELETE', '/api/v1/messages/{id}', message, null, token).status == 404
    }

    def "documents and document groups"() {
        given:
        String token = owner.token

        when:
        Reply uploaded = multipart('/api/v1/documents', [:], [['file', 'paper.pdf', 'application/pdf', 'pdf bytes'],
                                                              ['title', null, null, 'Paper']], token)
        Map document = [id: uploaded.json.id]
        ids.document = uploaded.json.id
        Map group = [id: exercise('POST', '/api/v1/document-groups', [:], [name: uniqueName('group')], token).json.id]
        Map member = group + [documentId: document.id]

        then:
        uploaded.status == 201
        multipart('/api/v1/documents', [:], [['title', null, null, 'no file']], token).status == 400
        exercise('GET', '/api/v1/documents', [:], null, token).status == 200
        exercise('GET', '/api/v1/documents/{id}', document, null, token).status == 200
        exercise('PATCH', '/api/v1/documents/{id}', document, [title: 'Better'], token).status == 200
        exercise('GET', '/api/v1/documents/{id}/file', document, null, token).status == 200
        exercise('PUT', '/api/v1/documents/{id}/text', document, [text: 'words'], token).status == 204
        exercise('PUT', '/api/v1/documents/{id}/chunks', document, [[index: 0, text: 'w', startOffset: 0, endOffset: 1]], token).status == 204
        exercise('GET', '/api/v1/documents/{id}/chunks', document, null, token).status == 200
        exercise('GET', '/api/v1/document-groups', [:], null, token).status == 200
        exercise('GET', '/api/v1/document-groups/{id}', group, null, token).status == 200
        exercise('PATCH', '/api/v1/document-groups/{id}', group, [name: uniqueName('group')], token).status == 200
        exercise('PUT', '/api/v1/document-groups/{id}/documents/{documentId}', member, null, token).status == 204
        exercise('DELETE', '/api/v1/document-groups/{id}/documents/{documentId}', member, null, token).status == 204
        exercise('DELETE', '/api/v1/document-groups/{id}', group, null, token).status == 204
        exercise('DELETE', '/api/v1/documents/{id}', document, null, token).status == 204
        exercise('GET', '/api/v1/documents/{id}/file', document, null, token).status == 404
    }

    def "agents and their executions"() {
        given:
        String token = owner.token

        when:
        Map agent = [id: exercise('POST', '/api/v1/agents', [:], [name: uniqueName('agent'), model: 'gpt-4o'], token).json.id]
        Map execution = [id: exercise('POST', '/api/v1/agents/{id}/executions', agent, [input: 'x'], token).json.id]

        then:
        exercise('POST', '/api/v1/agents', [:], [model: 'gpt-4o'], token).status == 400
        exercise('GET', '/api/v1/agents', [:], null, token).status == 200
        exercise('GET', '/api/v1/agents/{id}', agent, null, token).status == 200
        exercise('PATCH', '/api/v1/agents/{id}', agent, [description: 'finds things'], token).status == 200
        exercise('GET', '/api/v1/executions', [:], null, token).status == 200
        exercise('GET', '/api/v1/executions/{id}', execution, null, token).status == 200
        exercise('PATCH', '/api/v1/executions/{id}', execution, [status: 'running'], token).status == 200
        exercise('PATCH', '/api/v1/executions/{id}', execution, [status: 'pending'], token).status == 409
        exercise('POST', '/api/v1/executions/{id}/logs', execution, [level: 'info', message: 'm'], token).status == 201
        exercise('GET', '/api/v1/executions/{id}/logs', execution, null, token).status == 200
        exercise('DELETE', '/api/v1/agents/{id}', agent, null, token).status == 204
    }

    def "writing sessions, drafts, versions and references"() {
        given:
        String token = owner.token

        when:
        Map session = [id: exercise('POST', '/api/v1/writing-sessions', [:], [title: 'Essay'], token).json.id]
        Map draft = [id: exercise('POST', '/api/v1/writing-sessions/{id}/drafts', session, [title: 'One', content: 'Once'], token).json.id]
        Map reference = draft + [referenceId: exercise('POST', '/api/v1/drafts/{id}/references', draft,
                [citation: 'Early 2019', position: 1], token).json.id]

        then:
        exercise('GET', '/api/v1/writing-sessions', [:], null, token).status == 200
        exercise('GET', '/api/v1/writing-sessions/{id}', session, null, token).status == 200
        exercise('PATCH', '/api/v1/writing-sessions/{id}', session, [title: 'Essay 2'], token).status == 200
        exercise('GET', '/api/v1/writing-sessions/{id}/drafts', session, null, token).status == 200
        exercise('GET', '/api/v1/drafts/{id}', draft, null, token).status == 200
        exercise('PUT', '/api/v1/drafts/{id}', draft, [content: 'Once upon', baseVersion: 1], token).status == 200
        exercise('PUT', '/api/v1/drafts/{id}', draft, [content: 'Stale', baseVersion: 1], token).status == 409
        exercise('GET', '/api/v1/drafts/{id}/versions', draft, null, token).status == 200
        exercise('GET', '/api/v1/drafts/{id}/versions/{version}', draft + [version: '1'], null, token).status == 200
        exercise('GET', '/api/v1/drafts/{id}/versions/{version}', draft + [version: '99'], null, token).status == 404
        exercise('GET', '/api/v1/drafts/{id}/references', draft, null, token).status == 200
        exercise('DELETE', '/api/v1/drafts/{id}/references/{referenceId}', reference, null, token).status == 204
        exercise('DELETE', '/api/v1/drafts/{id}', draft, null, token).status == 204
        exercise('DELETE', '/api/v1/writing-sessions/{id}', session, null, token).status == 204
    }

    def "files uploaded on their own, then taken by a message and by a document"() {
        given:
        String token = owner.token
        String chat = post('/api/v1/chats', [title: 'uploads'], token).json.id

        when:
        Map first = exercise('POST', '/api/v1/uploads?name=a.txt', [:], 'raw file bytes', token).json as Map
        Map second = exercise('POST', '/api/v1/uploads?name=b.txt', [:], 'more raw bytes', token).json as Map

        then:
        exercise('GET', '/api/v1/uploads/{id}', [id: first.uploadId], null, token).status == 200
        exercise('GET', '/api/v1/uploads/{id}', [id: MISSING], null, token).status == 404
        exercise('POST', '/api/v1/chats/{id}/messages', [id: chat],
                [role: 'user', content: 'with an upload', files: [[uploadId: first.uploadId]]], token).status == 201
        with(exercise('POST', '/api/v1/documents/from-upload', [:], [uploadId: second.uploadId, title: 'Taken'], token)) {
            status == 201 && header('Location').startsWith('/api/v1/documents/')
        }
        exercise('POST', '/api/v1/documents/from-upload', [:], [uploadId: second.uploadId], token).status == 404
    }

    def "a vault exported, then imported into a fresh account"() {
        given:
        String token = owner.token
        User fresh = user('imported')

        when:
        Reply archive = exercise('GET', '/api/v1/export', [:], null, token)

        then:
        archive.status == 200
        exercise('POST', '/api/v1/export', [:], [includeApiKeys: true, password: PASSWORD], token).status == 200
        exercise('POST', '/api/v1/export', [:], [includeApiKeys: true, password: 'not the password'], token).status == 403
        importArchive(archive.bytes, fresh.token).status == 200
        importArchive('not a zip'.bytes, fresh.token).status == 400
    }

    def "a Local Deep Research database imported"() {
        given: 'a database made with the key recipe of LDR (LdrFixture)'
        java.nio.file.Path file = java.nio.file.Files.createTempFile('ldr-contract', '.db')
        byte[] salt = LdrFixture.newSalt()
        byte[] database = LdrFixture.create(file, LdrFixture.PASSWORD, salt)
        java.nio.file.Files.deleteIfExists(file)
        List<List> form = [['database', 'ldr.db', 'application/octet-stream', database],
                           ['salt', 'ldr.db.salt', 'application/octet-stream', salt]]

        expect:
        multipart('/api/v1/import/ldr', [:], form + [['password', null, null, LdrFixture.PASSWORD]], owner.token).status == 200
        multipart('/api/v1/import/ldr', [:], form + [['password', null, null, 'not the password']], owner.token).status == 400
    }

    Reply importArchive(byte[] archive, String token) {
        def request = HttpRequest.newBuilder(URI.create("${server.URL}/api/v1/import"))
                .header('Content-Type', 'application/zip').header('Authorization', "Bearer ${token}")
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive)).build()
        Reply reply = new Reply(http.send(request, HttpResponse.BodyHandlers.ofByteArray()))
        declared('POST', '/api/v1/import', reply.status, reply.contentType, reply.bytes.length > 0)
        reply
    }

    def "search, usage, settings, API keys and the vault"() {
        given:
        String token = owner.token
        Map setting = [key: 'llm.max_tokens']
        Map provider = [provider: 'openai']

        expect:
        exercise('GET', '/api/v1/search?q=contract', [:], null, token).status == 200
        exercise('GET', '/api/v1/search?q=contract&size=0', [:], null, token).status == 400
        exercise('GET', '/api/v1/usage?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z', [:], null, token).status == 200
        exercise('GET', '/api/v1/usage', [:], null, token).status == 400
        exercise('GET', '/api/v1/settings', [:], null, token).status == 200
        exercise('GET', '/api/v1/settings/{key}', setting, null, token).status == 200
        exercise('GET', '/api/v1/settings/{key}', [key: 'no.such_key'], null, token).status == 404
        exercise('PUT', '/api/v1/settings/{key}', setting, [value: 1024], token).status == 200
        exercise('PUT', '/api/v1/settings/{key}', setting, [value: 'lots'], token).status == 400
        exercise('DELETE', '/api/v1/settings/{key}', setting, null, token).status == 204
        exercise('PATCH', '/api/v1/settings', [:], ['llm.max_tokens': 2048], token).status == 200
        exercise('PATCH', '/api/v1/settings', [:], ['llm.max_tokens': 'lots'], token).status == 400
        exercise('GET', '/api/v1/api-keys', [:], null, token).status == 200
        exercise('PUT', '/api/v1/api-keys/{provider}', provider, [key: 'sk-contract-0123456789'], token).status == 200
        exercise('POST', '/api/v1/api-keys/{provider}/reveal', provider, [password: PASSWORD], token).status == 200
        exercise('POST', '/api/v1/api-keys/{provider}/reveal', provider, [password: 'not the password'], token).status == 403
        exercise('DELETE', '/api/v1/api-keys/{provider}', provider, null, token).status == 204
        exercise('DELETE', '/api/v1/api-keys/{provider}', provider, null, token).status == 404
        exercise('GET', '/api/v1/vault/integrity', [:], null, token).status == 200
        exercise('GET', '/api/v1/vault/stats', [:], null, token).status == 200
        exercise('POST', '/api/v1/vault/vacuum', [:], null, token).status == 200
    }

    def "backups, and deleting what the other features made"() {
        given:
        String token = owner.token

        when:
        Map backup = [name: exercise('POST', '/api/v1/backups', [:], null, token).json.name]

        then:
        exercise('GET', '/api/v1/backups', [:], null, token).status == 200
        exercise('POST', '/api/v1/backups/{name}/restore', backup, [password: PASSWORD], token).status == 200
        exercise('POST', '/api/v1/backups/{name}/download', backup, [password: PASSWORD], token).status == 200
        exercise('POST', '/api/v1/backups/{name}/download', backup, [password: 'not the password'], token).status == 403
        exercise('POST', '/api/v1/backups/{name}/restore', [name: 'no-such-backup'], [password: PASSWORD], token).status == 404
        exercise('DELETE', '/api/v1/backups/{name}', backup, null, token).status == 204
        exercise('DELETE', '/api/v1/chats/{id}', [id: ids.chat], null, token).status == 204
        exercise('DELETE', '/api/v1/research/{id}', [id: ids.research], null, token).status == 204
    }

    def "every operation that needs a session answers a declared 401 without one"() {
        given:
        List<String> secured = operations.findAll { key, operation -> operation.security }.keySet() as List
        List<String> others = []

        when:
        secured.each { String key ->
            String method = key.substring(0, key.indexOf(' '))
            String template = key.substring(key.indexOf(' ') + 1)
            Map vars = (template =~ /\{(\w+)\}/).collect { it[1] }.collectEntries { [(it): it in ['index', 'version'] ? '1' : MISSING] }
            // A media type, as a client sends with a body: two routes of a path may differ only by what they consume.
            if (exercise(method, template, vars, null, null, ['Content-Type': 'application/json']).status != 401) {
                others << key
            }
        }

        then:
        secured.size() > 80
        others == []
    }

    def "every operation of the description was called above with a 2xx answer"() {
        expect: 'a new operation fails here until a feature above calls it'
        operations.keySet() - succeeded == [] as Set
    }

    def "only registering, logging in and health are open; the description has a summary for every operation"() {
        expect:
        operations.findAll { key, operation -> !operation.security }.keySet() ==
                ['POST /api/v1/auth/register', 'POST /api/v1/auth/login', 'GET /health', 'GET /health/live'] as Set
        operations.findAll { key, operation -> !operation.summary }.keySet() == [] as Set
    }

    // --- calls that check their answer against the description ----------------------------------------------

    /** Sends the request to {@code template} (path variables from {@code vars}; a query may follow) and checks the answer. */
    Reply exercise(String method, String template, Map vars = [:], Object body = null, String token = null,
               Map<String, String> headers = [:]) {
        Reply reply = send(method, expand(template, vars), body, token, headers)
        declared(method, template, reply.status, reply.contentType, reply.bytes.length > 0)
        reply
    }

    Reply multipart(String template, Map vars, List<List> parts, String token) {
        Reply reply = postMultipart(expand(template, vars), parts, token)
        declared('POST', template, reply.status, reply.contentType, reply.bytes.length > 0)
        reply
    }

    /** Opens an event stream, checks its answer, and closes it at once: answers its status. */
    int stream(String template, Map vars, String token) {
        def request = HttpRequest.newBuilder(URI.create("${server.URL}${expand(template, vars)}"))
                .header('Accept', 'text/event-stream').header('Authorization', "Bearer ${token}").GET().build()
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream())
        try {
            declared('GET', template, response.statusCode(), response.headers().firstValue('Content-Type').orElse(null), true)
            response.statusCode()
        } finally {
            response.body().close()
        }
    }

    private static String expand(String template, Map vars) {
        template.replaceAll(/\{(\w+)\}/) { all, String name ->
            assert vars.containsKey(name): "no value for {$name} of $template"
            URLEncoder.encode(vars[name] as String, 'UTF-8')
        }
    }

    /** The status (and, with a body, the media type) is one the description declares for the operation. */
    private void declared(String method, String template, int status, String contentType, boolean hasBody) {
        String key = "${method} ${template.takeWhile { it != '?' }}"
        Map operation = operations[key]
        assert operation != null: "$key is not in /openapi.yml"
        Map responses = operation.responses as Map
        Map answer = (responses[status as String] ?: responses['default']) as Map
        assert answer != null: "$key answered $status, which /openapi.yml does not declare (it declares ${responses.keySet()})"
        if (hasBody && status != 304) {
            String type = contentType?.takeWhile { it != ';' }?.trim()
            Set<String> types = ((answer.content ?: [:]) as Map).keySet()
            assert types.any { it == '*/*' || it == type }: "$key answered $status as $type; /openapi.yml declares $types"
        }
        if (status < 300) {
            succeeded << key
        }
    }
}
