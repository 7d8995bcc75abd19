package dev.researchvault.bootstrap.writing

import spock.lang.Shared

/**
 * Ann owns a writing session from a chat, a draft with two versions and a reference, and research from her chat;
 * Bob, logged in at the same time, uses her ids with his own token. Every id-taking endpoint answers him the 404
 * a random id gets, byte for byte, and her data is whole afterwards.
 */
class WritingIsolationHttpSpec extends WritingHttpSupport {

    static final String MISSING = UUID.randomUUID().toString()

    @Shared
    String ann

    @Shared
    String bob

    @Shared
    Map<String, String> annIds = [:]

    @Shared
    Map<String, String> randomIds = [:]

    def setupSpec() {
        ann = newUser('ann')
        bob = newUser('bob')
        annIds.chat = newChat(ann, 'ann chat')
        annIds.session = newSession(ann, [title: 'ann session', chatId: annIds.chat]).id
        annIds.draft = newDraft(ann, annIds.session, [content: 'ann private draft']).id
        assert put("/api/v1/drafts/${annIds.draft}", [content: 'ann draft v2', baseVersion: 1], ann).status == 200
        annIds.reference = post("/api/v1/drafts/${annIds.draft}/references", [citation: 'ann citation'], ann).json.id
        annIds.research = post('/api/v1/research', [query: 'ann query', mode: 'quick', chatId: annIds.chat], ann).json.id
        annIds.each { kind, id -> randomIds[kind] = UUID.randomUUID().toString() }
    }

    def "Bob's #method #template on Ann's id answers exactly what a random id answers"() {
        when:
        Reply onAnns = send(method, expand(template, annIds), expand(body, annIds), bob)
        Reply onRandom = send(method, expand(template, randomIds), expand(body, randomIds), bob)

        then:
        onAnns.status == 404
        onAnns.header('Content-Type').startsWith('application/problem+json')
        onRandom.status == onAnns.status
        onRandom.text == onAnns.text
        !onAnns.text.contains('ann')

        where:
        method   | template                                         | body
        'GET'    | '/api/v1/writing-sessions/{session}'             | null
        'PATCH'  | '/api/v1/writing-sessions/{session}'             | [title: 'taken over']
        'DELETE' | '/api/v1/writing-sessions/{session}'             | null
        'POST'   | '/api/v1/writing-sessions/{session}/drafts'      | [title: 't', content: 'c']
        'GET'    | '/api/v1/writing-sessions/{session}/drafts'      | null
        'GET'    | '/api/v1/drafts/{draft}'                         | null
        'PUT'    | '/api/v1/drafts/{draft}'                         | [content: 'x', baseVersion: 2]
        'DELETE' | '/api/v1/drafts/{draft}'                         | null
        'GET'    | '/api/v1/drafts/{draft}/versions'                | null
        'GET'    | '/api/v1/drafts/{draft}/versions/1'              | null
        'POST'   | '/api/v1/drafts/{draft}/references'              | [citation: 'x']
        'GET'    | '/api/v1/drafts/{draft}/references'              | null
        'DELETE' | '/api/v1/drafts/{draft}/references/{reference}'  | null
        'GET'    | '/api/v1/chats/{chat}/research'                  | null
        'POST'   | '/api/v1/writing-sessions'                       | [title: 't', chatId: '{chat}']
        'POST'   | '/api/v1/research'                               | [query: 'q', mode: 'quick', chatId: '{chat}']
        'POST'   | '/api/v1/drafts/{draft}/references'              | [citation: 'x', researchId: '{research}']
    }

    def "Bob's own draft cannot cite Ann's research, nor his session link Ann's chat: the same 404 as a random id"() {
        given:
        String bobsSession = newSession(bob).id
        String bobsDraft = newDraft(bob, bobsSession).id

        expect:
        post("/api/v1/drafts/$bobsDraft/references", [citation: 'x', researchId: annIds.research], bob).text ==
                post("/api/v1/drafts/$bobsDraft/references", [citation: 'x', researchId: randomIds.research], bob).text
        patch("/api/v1/writing-sessions/$bobsSession", [chatId: annIds.chat], bob).text ==
                patch("/api/v1/writing-sessions/$bobsSession", [chatId: randomIds.chat], bob).text
        patch("/api/v1/writing-sessions/$bobsSession", [chatId: annIds.chat], bob).json.code == 'chat.not-found'
    }

    def '#method #path of an unknown or malformed id is #code'() {
        expect:
        with(send(method, path, body, bob)) {
            status == 404
            json.code == code
        }

        where:
        [method, path, body, code] << [MISSING, 'not-a-uuid', '%25'].collectMany { id ->
            [['GET', "/api/v1/writing-sessions/$id", null, 'writing.not-found'],
             ['POST', "/api/v1/writing-sessions/$id/drafts", [title: 't', content: 'c'], 'writing.not-found'],
             ['GET', "/api/v1/drafts/$id", null, 'draft.not-found'],
             ['PUT', "/api/v1/drafts/$id", [content: 'c', baseVersion: 1], 'draft.not-found'],
             ['GET', "/api/v1/drafts/$id/versions", null, 'draft.not-found'],
             ['GET', "/api/v1/drafts/$id/references", null, 'draft.not-found'],
             ['GET', "/api/v1/chats/$id/research", null, 'chat.not-found']]
        }
    }

    def "Ann's writing is whole after all of Bob's attempts"() {
        expect:
        get("/api/v1/drafts/${annIds.draft}", ann).json.content == 'ann draft v2'
        get("/api/v1/drafts/${annIds.draft}/versions", ann).json.total == 2
        get("/api/v1/drafts/${annIds.draft}/references", ann).json*.citation == ['ann citation']
        get("/api/v1/writing-sessions/${annIds.session}", ann).json.chatId == annIds.chat
        get("/api/v1/chats/${annIds.chat}/research", ann).json.total == 1
        get('/api/v1/writing-sessions', bob).json.items*.title.every { !it.startsWith('ann') }
    }

    private static Object expand(Object template, Map<String, String> ids) {
        if (template instanceof String) {
            return ids.inject(template) { String text, kind, id -> text.replace("{$kind}", id) }
        }
        if (template instanceof Map) {
            return template.collectEntries { k, v -> [k, expand(v, ids)] }
        }
        template
    }
}
