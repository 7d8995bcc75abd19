package dev.researchvault.bootstrap.frontend

import dev.researchvault.bootstrap.document.DocumentHttpSupport

/**
 * What a frontend needs beyond the first contract (issue 18, items 6 and 7) on a real server: where a created thing
 * lives, a chat's messages by cursor, cancelling a pending research, the documented modes and report formats, and
 * errors a form can show.
 */
class FrontendAdditionsHttpSpec extends DocumentHttpSupport {

    def "every 201 says in Location where the created thing is, and GET there finds it"() {
        given:
        User owner = user('located')
        String token = owner.token

        when:
        def research = post('/api/v1/research', [query: 'where', mode: 'quick'], token)
        def chat = post('/api/v1/chats', [title: 'where'], token)
        def message = post("/api/v1/chats/${chat.json.id}/messages", [role: 'user', content: 'hi'], token)
        def agent = post('/api/v1/agents', [name: 'locator', model: 'm'], token)
        def execution = post("/api/v1/agents/${agent.json.id}/executions", [input: 'go'], token)
        def group = post('/api/v1/document-groups', [name: 'where'], token)
        def document = upload(owner, 'bytes')
        def session = post('/api/v1/writing-sessions', [title: 'where'], token)
        def draft = post("/api/v1/writing-sessions/${session.json.id}/drafts", [title: 't', content: 'c'], token)
        def reference = post("/api/v1/drafts/${draft.json.id}/references", [citation: 'c'], token)

        then:
        [research, chat, message, agent, execution, group, document, session, draft, reference].every { it.status == 201 }
        research.header('Location') == "/api/v1/research/${research.json.id}"
        chat.header('Location') == "/api/v1/chats/${chat.json.id}"
        message.header('Location') == "/api/v1/messages/${message.json.id}"
        agent.header('Location') == "/api/v1/agents/${agent.json.id}"
        execution.header('Location') == "/api/v1/executions/${execution.json.id}"
        group.header('Location') == "/api/v1/document-groups/${group.json.id}"
        document.header('Location') == "/api/v1/documents/${document.json.id}"
        session.header('Location') == "/api/v1/writing-sessions/${session.json.id}"
        draft.header('Location') == "/api/v1/drafts/${draft.json.id}"
        reference.header('Location') == "/api/v1/drafts/${draft.json.id}/references/${reference.json.id}"
        [research, chat, agent, execution, group, document, session, draft].every { get(it.header('Location'), token).status == 200 }
    }

    def "a 201 for an item without a URL of its own points at the list it joined"() {
        given:
        String token = user('lists').token
        String research = post('/api/v1/research', [query: 'lists', mode: 'quick'], token).json.id
        String agent = post('/api/v1/agents', [name: 'lister', model: 'm'], token).json.id
        String execution = post("/api/v1/agents/${agent}/executions", [input: 'go'], token).json.id

        when:
        def query = post("/api/v1/research/${research}/queries", [query: 'q', engine: 'e'], token)
        def resources = post("/api/v1/research/${research}/resources", [[title: 't', url: 'https://example.org']], token)
        def log = post("/api/v1/research/${research}/logs", [level: 'info', message: 'm'], token)
        def executionLog = post("/api/v1/executions/${execution}/logs", [level: 'info', message: 'm'], token)
        def registered = register(uniqueName('located'))

        then:
        query.header('Location') == "/api/v1/research/${research}/queries"
        resources.header('Location') == "/api/v1/research/${research}/resources"
        log.header('Location') == "/api/v1/research/${research}/logs"
        executionLog.header('Location') == "/api/v1/executions/${execution}/logs"
        registered.header('Location') == '/api/v1/account'
        post('/api/v1/backups', null, token).header('Location') ==~ '/api/v1/backups/.+'
    }

    def "a chat's messages come oldest first by cursor: following next meets each once"() {
        given:
        String token = user('cursor').token
        String chat = post('/api/v1/chats', [title: 'long'], token).json.id
        List<String> posted = (1..7).collect { post("/api/v1/chats/${chat}/messages", [role: 'user', content: "m${it}"], token).json.id }

        when:
        List<String> seen = []
        def page = get("/api/v1/chats/${chat}/messages?size=3", token).json
        seen.addAll(page.items*.id)
        while (page.next) {
            page = get("/api/v1/chats/${chat}/messages?size=3&after=${page.next}", token).json
            assert page.page == null
            seen.addAll(page.items*.id)
        }

        then:
        seen == posted
        get("/api/v1/chats/${chat}/messages?page=2&size=3", token).json.with { items*.id == posted[6..6] && next == null && total == 7 }
        get("/api/v1/chats/${chat}/messages?after=garbage", token).json.code == 'page.invalid-cursor'
        get("/api/v1/chats/${chat}/messages?page=1&after=${get("/api/v1/chats/${chat}/messages?size=1", token).json.next}", token)
                .json.code == 'page.page-with-cursor'
    }

    def "a pending research can be cancelled; it is then final"() {
        given:
        String token = user('cancel').token
        String id = post('/api/v1/research', [query: 'never mind', mode: 'detailed'], token).json.id

        when:
        def cancelled = patch("/api/v1/research/${id}", [status: 'cancelled'], token)

        then:
        cancelled.status == 200
        cancelled.json.status == 'cancelled'
        cancelled.json.completedAt != null
        patch("/api/v1/research/${id}", [status: 'in_progress'], token).json.code == 'research.illegal-status-change'
    }

    def "a research mode other than the documented ones is refused"() {
        given:
        String token = user('modes').token

        when:
        def reply = post('/api/v1/research', [query: 'q', mode: 'thorough'], token)

        then:
        reply.status == 400
        reply.json.code == 'research.invalid-mode'
        reply.json.detail == 'mode must be one of: quick, detailed, deep'
    }

    def "report.format offers exactly the formats the report endpoint stores"() {
        given:
        String token = user('formats').token
        String id = post('/api/v1/research', [query: 'q', mode: 'quick'], token).json.id
        List<String> offered = get('/api/v1/settings/report.format', token).json.options

        expect:
        offered == ['markdown']
        offered.every { put("/api/v1/research/${id}/report", [content: 'r', format: it], token).status == 200 }
        ['html', 'pdf'].every { put("/api/v1/research/${id}/report", [content: 'r', format: it], token).json.code == 'research.invalid-report-format' }
    }

    def "size=abc, a missing body and an object where an array belongs get different messages"() {
        given:
        String token = user('forms').token
        String research = post('/api/v1/research', [query: 'q', mode: 'quick'], token).json.id

        when:
        def badSize = get('/api/v1/research?size=abc', token)
        def noBody = send('POST', '/api/v1/research', null, token, ['Content-Type': 'application/json'])
        def objectForArray = post("/api/v1/research/${research}/resources", [title: 't', url: 'https://example.org'], token)

        then:
        [badSize, noBody, objectForArray].every { it.status == 400 && it.problem }
        [badSize, noBody, objectForArray]*.json*.detail.toSet().size() == 3
        noBody.json.detail.contains('body')
        objectForArray.json.detail.contains('array')

        and: 'a problem without field errors has no errors member, as before'
        [badSize, noBody, objectForArray].every { !it.json.containsKey('errors') }
    }

    def "a refused batch of resources names every refused item by its index, and adds none"() {
        given:
        String token = user('batch').token
        String research = post('/api/v1/research', [query: 'q', mode: 'quick'], token).json.id

        when:
        def reply = post("/api/v1/research/${research}/resources", [[title: 'fine', url: 'https://example.org'],
                [title: 'bad', url: ''], [title: 'fine', url: 'https://example.org/2'], [title: 'x' * 5000, url: 'https://e.org']], token)

        then:
        reply.status == 400
        reply.json.errors*.field == ['1', '3']
        reply.json.errors.every { it.code && it.message }
        get("/api/v1/research/${research}/resources", token).json.total == 0
    }

    def "a sign-up with a bad name and a bad password names both fields at once"() {
        when:
        def reply = post('/api/v1/auth/register', [username: '../x', password: 'short'])

        then:
        reply.status == 400
        reply.json.code == 'account.invalid-username'
        reply.json.errors*.field == ['username', 'password']
        reply.json.errors*.code == ['account.invalid-username', 'account.invalid-password']
    }
}
