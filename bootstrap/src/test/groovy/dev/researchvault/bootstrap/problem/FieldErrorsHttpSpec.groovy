package dev.researchvault.bootstrap.problem

import dev.researchvault.bootstrap.document.DocumentHttpSupport
import spock.lang.Shared

/**
 * Every JSON body with several checked parts names each refused part at once in {@code errors} (issue 18, item 7),
 * on a real server: the problem's own code stays the first refusal's (what a single bad part always answered), a
 * batch names its refused items by index, and nothing of a refused body is stored.
 */
class FieldErrorsHttpSpec extends DocumentHttpSupport {

    /** The caller and the things the operations act on, by the names the paths use ({research}, {chat}, …). */
    @Shared
    Map<String, String> fixture

    def setupSpec() {
        User owner = user('fields')
        String token = owner.token
        String research = post('/api/v1/research', [query: 'q', mode: 'quick'], token).json.id
        String agent = post('/api/v1/agents', [name: 'fielder', model: 'm'], token).json.id
        String session = post('/api/v1/writing-sessions', [title: 's'], token).json.id
        fixture = [
                token    : token,
                research : research,
                chat     : post('/api/v1/chats', [title: 'c'], token).json.id,
                agent    : agent,
                execution: post("/api/v1/agents/${agent}/executions", [input: 'go'], token).json.id,
                group    : newGroup(owner).id,
                document : newDocument(owner).id,
                draft    : post("/api/v1/writing-sessions/${session}/drafts", [title: 't', content: 'c'], token).json.id,
                session  : session,
        ]
    }

    def "#operation names every refused part at once and stores nothing"() {
        given:
        String token = fixture.token
        String before = get(resolve(state), token).text

        when:
        def reply = send(method, resolve(path), body, token)

        then:
        reply.status == 400
        reply.problem
        reply.json.code == code
        reply.json.errors*.field == fields
        reply.json.errors.every { it.code && it.message }

        and: 'nothing of the body was stored'
        get(resolve(state), token).text == before

        where:
        operation                 | method  | path                                  | body                                                                                  || code                          | fields                                        | state
        'sign-up'                 | 'POST'  | '/api/v1/auth/register'               | [username: '../x', password: 'short']                                                  || 'account.invalid-username'    | ['username', 'password']                      | '/api/v1/account'
        'change password'         | 'POST'  | '/api/v1/auth/password'               | [newPassword: 'short']                                                                 || 'account.invalid-password'    | ['newPassword', 'currentPassword']            | '/api/v1/account'
        'start a research'        | 'POST'  | '/api/v1/research'                    | [query: '', mode: 'slow']                                                              || 'research.invalid-query'      | ['query', 'mode']                             | '/api/v1/research'
        'change a research'       | 'PATCH' | '/api/v1/research/{research}'         | [status: 'nope', progress: 101, title: 't' * 501]                                       || 'research.invalid-status'     | ['status', 'progress', 'title']               | '/api/v1/research/{research}'
        'add a query'             | 'POST'  | '/api/v1/research/{research}/queries' | [query: '', engine: '']                                                                || 'research.invalid-query'      | ['query', 'engine']                           | '/api/v1/research/{research}/queries'
        'add resources'           | 'POST'  | '/api/v1/research/{research}/resources' | [[url: ''], [url: 'https://example.org'], [url: 'https://e.org', snippet: 's' * 20_001]] || 'research.invalid-resource' | ['0', '2']                                    | '/api/v1/research/{research}/resources'
        'put a report'            | 'PUT'   | '/api/v1/research/{research}/report'  | [format: 'pdf']                                                                        || 'research.invalid-report'     | ['content', 'format']                         | '/api/v1/research/{research}/report'
        'append a research log'   | 'POST'  | '/api/v1/research/{research}/logs'    | [level: 'loud', message: '', progress: 101]                                            || 'research.invalid-log-level'  | ['level', 'message', 'progress']              | '/api/v1/research/{research}/logs'
        'post a message'          | 'POST'  | '/api/v1/chats/{chat}/messages'       | [role: 'robot', content: '', model: 'm' * 201]                                         || 'chat.invalid-role'           | ['role', 'content', 'model']                  | '/api/v1/chats/{chat}/messages'
        'create an agent'         | 'POST'  | '/api/v1/agents'                      | [name: ' lead', model: '', active: 'yes']                                              || 'agent.invalid-active'        | ['active', 'name', 'model']                   | '/api/v1/agents'
        'change an agent'         | 'PATCH' | '/api/v1/agents/{agent}'              | [name: '', model: '']                                                                  || 'agent.invalid-name'          | ['name', 'model']                             | '/api/v1/agents/{agent}'
        'report on an execution'  | 'PATCH' | '/api/v1/executions/{execution}'      | [status: 'nope', error: 'e' * 10_001, usage: [promptTokens: -1, completionTokens: 0]] || 'execution.invalid-status'    | ['status', 'usage', 'error']                  | '/api/v1/executions/{execution}'
        'append an execution log' | 'POST'  | '/api/v1/executions/{execution}/logs' | [level: 'loud', message: '']                                                           || 'execution.invalid-log-level' | ['level', 'message']                          | '/api/v1/executions/{execution}/logs'
        'create a document group' | 'POST'  | '/api/v1/document-groups'             | [name: ' lead', description: 'd' * 2_001]                                              || 'document-group.invalid-name' | ['name', 'description']                       | '/api/v1/document-groups'
        'change a document group' | 'PATCH' | '/api/v1/document-groups/{group}'     | [name: ' lead', description: 'd' * 2_001]                                              || 'document-group.invalid-name' | ['name', 'description']                       | '/api/v1/document-groups/{group}'
        'change a document'       | 'PATCH' | '/api/v1/documents/{document}'        | [year: 'abc', status: 'nope', title: '', authors: 'a' * 2_001]                         || 'document.invalid-year'       | ['year', 'status', 'title', 'authors']        | '/api/v1/documents/{document}'
        'document from an upload' | 'POST'  | '/api/v1/documents/from-upload'       | [uploadId: 'nope', title: 't' * 1_001, year: 99_999]                                   || 'document.invalid-title'      | ['title', 'year', 'uploadId']                 | '/api/v1/documents'
        'replace chunks'          | 'PUT'   | '/api/v1/documents/{document}/chunks' | [chunk(-1, 't'), chunk(1, 't'), chunk(2, '')]                                          || 'document.invalid-chunks'     | ['0', '2']                                    | '/api/v1/documents/{document}/chunks'
        'create a draft'          | 'POST'  | '/api/v1/writing-sessions/{session}/drafts' | [title: '']                                                                      || 'draft.invalid-title'         | ['title', 'content']                          | '/api/v1/writing-sessions/{session}/drafts'
        'save a draft'            | 'PUT'   | '/api/v1/drafts/{draft}'              | [title: '']                                                                            || 'draft.invalid-base-version'  | ['baseVersion', 'content', 'title']           | '/api/v1/drafts/{draft}'
        'cite in a draft'         | 'POST'  | '/api/v1/drafts/{draft}/references'   | [citation: '', documentId: 'nope', position: -1]                                       || 'reference.invalid-link'      | ['documentId', 'citation', 'position']        | '/api/v1/drafts/{draft}/references'
        'store an API key'        | 'PUT'   | '/api/v1/api-keys/openai'             | [key: 'short', description: 'd' * 201]                                                 || 'api-key.invalid-key'         | ['key', 'description']                        | '/api/v1/api-keys'
        'change settings'         | 'PATCH' | '/api/v1/settings'                    | ['llm.endpoint_url': 'file:///etc/passwd', 'app.timezone': 'Mars/Olympus']             || 'settings.invalid-value'      | ['llm.endpoint_url', 'app.timezone']          | '/api/v1/settings'
    }

    def "a multipart message with an unknown role and no content names both, and adds no message"() {
        given:
        String path = "/api/v1/chats/${fixture.chat}/messages"
        String before = get(path, fixture.token).text

        when:
        def reply = postMultipart(path, [['role', null, null, 'robot'], ['content', null, null, '']], fixture.token)

        then:
        reply.status == 400
        reply.json.code == 'chat.invalid-role'
        reply.json.errors*.field == ['role', 'content']
        get(path, fixture.token).text == before
    }

    def "a single refused part answers as before: its own code and detail, named alone"() {
        when:
        def reply = post('/api/v1/research', [query: 'fine', mode: 'slow'], fixture.token)

        then:
        reply.status == 400
        reply.json.code == 'research.invalid-mode'
        reply.json.detail == 'mode must be one of: quick, detailed, deep'
        reply.json.errors == [[field: 'mode', code: 'research.invalid-mode', message: reply.json.detail]]
    }

    private String resolve(String template) {
        template.replaceAll(/\{(\w+)\}/) { all, name -> fixture[name] }
    }

    private static Map chunk(int index, String text) {
        [index: index, text: text, startOffset: 0, endOffset: 1]
    }
}
