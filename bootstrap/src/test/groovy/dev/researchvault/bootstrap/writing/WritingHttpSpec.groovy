package dev.researchvault.bootstrap.writing

import spock.lang.Shared

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

/** Writing sessions, versioned drafts and references over HTTP, on a real server over encrypted vaults. */
class WritingHttpSpec extends WritingHttpSupport {

    @Shared
    String token

    def setupSpec() {
        token = newUser('writer')
    }

    def "a session is created, read, listed, renamed, linked to a chat, and deleted with its drafts"() {
        given:
        String chat = newChat(token)

        when:
        Map session = newSession(token, [title: 'Essay', chatId: chat])

        then:
        session.keySet() == ['id', 'title', 'chatId', 'createdAt', 'updatedAt'] as Set
        session.chatId == chat
        get("/api/v1/writing-sessions/${session.id}", token).json == session
        get('/api/v1/writing-sessions', token).json.items*.id.contains(session.id)
        get('/api/v1/writing-sessions', token).json.keySet() == ['items', 'page', 'size', 'total', 'next'] as Set

        when:
        Map renamed = patch("/api/v1/writing-sessions/${session.id}", [title: 'Better essay'], token).json
        Map draft = newDraft(token, session.id)

        then:
        renamed.title == 'Better essay'
        renamed.chatId == chat

        expect:
        delete("/api/v1/writing-sessions/${session.id}", token).status == 204
        get("/api/v1/writing-sessions/${session.id}", token).json.code == 'writing.not-found'
        get("/api/v1/drafts/${draft.id}", token).json.code == 'draft.not-found'
    }

    def "a deleted chat leaves its sessions, unlinked"() {
        given:
        String chat = newChat(token)
        Map session = newSession(token, [chatId: chat])

        when:
        assert delete("/api/v1/chats/$chat", token).status == 204

        then:
        with(get("/api/v1/writing-sessions/${session.id}", token)) {
            status == 200
            json.chatId == null
        }
    }

    def "a draft is created at version 1, saved into new versions, and every version stays readable"() {
        given:
        Map session = newSession(token)

        when:
        Reply created = post("/api/v1/writing-sessions/${session.id}/drafts", [title: 'Intro', content: 'Once'], token)

        then:
        created.status == 201
        created.json.version == 1
        created.json.content == 'Once'
        created.json.keySet().containsAll(['id', 'title', 'version', 'content', 'updatedAt'])

        when:
        String id = created.json.id
        Reply second = put("/api/v1/drafts/$id", [content: 'Once upon', baseVersion: 1], token)
        Reply third = put("/api/v1/drafts/$id", [content: 'Once upon a time', title: 'Opening', baseVersion: 2], token)

        then:
        second.status == 200 && second.json.version == 2 && second.json.title == 'Intro'
        third.json.version == 3 && third.json.title == 'Opening'
        get("/api/v1/drafts/$id", token).json == third.json
        get("/api/v1/drafts/$id/versions/1", token).json.content == 'Once'
        get("/api/v1/drafts/$id/versions/2", token).json.content == 'Once upon'
        with(get("/api/v1/drafts/$id/versions?size=2", token).json) {
            total == 3
            items*.version == [3, 2]
            items[0].keySet() == ['version', 'title', 'length', 'savedAt'] as Set
            items[0].length == 'Once upon a time'.length()
        }
        get("/api/v1/drafts/$id/versions?page=1&size=2", token).json.items*.version == [1]
        get("/api/v1/writing-sessions/${session.id}/drafts", token).json.items*.id == [id]
        get("/api/v1/drafts/$id/versions/4", token).json.code == 'draft.version-not-found'
        get("/api/v1/drafts/$id/versions/zero", token).status == 404
    }

    def "a save over an old version is 409 draft.version-conflict and stores nothing"() {
        given:
        Map draft = newDraft(token, newSession(token).id)
        assert put("/api/v1/drafts/${draft.id}", [content: 'tab one', baseVersion: 1], token).status == 200

        when:
        Reply stale = put("/api/v1/drafts/${draft.id}", [content: 'tab two', baseVersion: 1], token)

        then:
        stale.status == 409
        stale.header('Content-Type').startsWith('application/problem+json')
        stale.json.code == 'draft.version-conflict'
        get("/api/v1/drafts/${draft.id}", token).json.content == 'tab one'
        get("/api/v1/drafts/${draft.id}/versions", token).json.total == 2
    }

    def "ten tabs saving over the same version at once: exactly one wins, nine get the conflict"() {
        given:
        Map draft = newDraft(token, newSession(token).id)
        def pool = Executors.newFixedThreadPool(10)
        def start = new CountDownLatch(1)

        when:
        def replies = (1..10).collect { n ->
            pool.submit({
                start.await()
                put("/api/v1/drafts/${draft.id}", [content: "tab $n", baseVersion: 1], token)
            } as Callable<Reply>)
        }
        start.countDown()
        List<Reply> done = replies*.get()

        then:
        done.count { it.status == 200 } == 1
        done.count { it.status == 409 && it.json.code == 'draft.version-conflict' } == 9
        get("/api/v1/drafts/${draft.id}/versions", token).json.total == 2
        get("/api/v1/drafts/${draft.id}", token).json.content == done.find { it.status == 200 }.json.content

        cleanup:
        pool?.shutdownNow()
    }

    def "bad drafts: #why answers #status #code"() {
        given:
        Map draft = newDraft(token, newSession(token).id)

        expect:
        with(put("/api/v1/drafts/${draft.id}", body, token)) {
            it.status == status
            json.code == code
        }
        get("/api/v1/drafts/${draft.id}", token).json.version == 1

        where:
        why                  | body                                                         | status | code
        'no base version'    | [content: 'x']                                               | 400    | 'draft.invalid-base-version'
        'no content'         | [baseVersion: 1]                                             | 400    | 'draft.invalid-content'
        'a blank title'      | [content: 'x', title: ' ', baseVersion: 1]                   | 400    | 'draft.invalid-title'
        'a long title'       | [content: 'x', title: 't' * 501, baseVersion: 1]             | 400    | 'draft.invalid-title'
        'a lone surrogate'   | '{"content":"\\ud800","baseVersion":1}'                       | 400    | 'draft.invalid-content'
        'too large content'  | [content: 'x' * (1024 * 1024 + 1), baseVersion: 1]           | 413    | 'draft.too-large'
        'a future base'      | [content: 'x', baseVersion: 7]                               | 409    | 'draft.version-conflict'
    }

    def "a new draft without a title or too large is refused, and none is stored"() {
        given:
        Map session = newSession(token)

        expect:
        post("/api/v1/writing-sessions/${session.id}/drafts", [content: 'x'], token).json.code == 'draft.invalid-title'
        post("/api/v1/writing-sessions/${session.id}/drafts", [title: 't', content: 'x' * (1024 * 1024 + 1)], token).status == 413
        post('/api/v1/writing-sessions', [title: ''], token).json.code == 'writing.invalid-title'
        get("/api/v1/writing-sessions/${session.id}/drafts", token).json.total == 0
    }

    def "references are added, listed by position, deleted, and keep their citation when their research or document goes"() {
        given:
        Map draft = newDraft(token, newSession(token).id)
        String research = post('/api/v1/research', [query: 'why?', mode: 'quick'], token).json.id
        String document = postMultipart('/api/v1/documents', [['file', 'paper.pdf', 'application/pdf', 'pdf']], token).json.id

        when:
        Reply late = post("/api/v1/drafts/${draft.id}/references", [citation: 'Late 2020', position: 90], token)
        Reply early = post("/api/v1/drafts/${draft.id}/references",
                [citation: 'Early 2019', researchId: research, documentId: document, url: 'https://example.org', position: 1], token)

        then:
        late.status == 201
        early.json.keySet() == ['id', 'draftId', 'citation', 'documentId', 'researchId', 'resourceId', 'url', 'position',
                                'createdAt'] as Set
        get("/api/v1/drafts/${draft.id}/references", token).json*.citation == ['Early 2019', 'Late 2020']

        when:
        assert delete("/api/v1/research/$research", token).status == 204

        then:
        with(get("/api/v1/drafts/${draft.id}/references", token).json[0]) {
            citation == 'Early 2019'
            researchId == null
            documentId == document
        }

        when:
        assert delete("/api/v1/documents/$document", token).status == 204

        then:
        with(get("/api/v1/drafts/${draft.id}/references", token).json[0]) {
            citation == 'Early 2019'
            documentId == null
        }

        expect:
        delete("/api/v1/drafts/${draft.id}/references/${late.json.id}", token).status == 204
        delete("/api/v1/drafts/${draft.id}/references/${late.json.id}", token).json.code == 'reference.not-found'
        get("/api/v1/drafts/${draft.id}/references", token).json*.citation == ['Early 2019']
        post("/api/v1/drafts/${draft.id}/references", [citation: ''], token).json.code == 'reference.invalid-citation'
        post("/api/v1/drafts/${draft.id}/references", [citation: 'x', documentId: 'nope'], token).json.code == 'reference.invalid-link'
        post("/api/v1/drafts/${draft.id}/references", [citation: 'x', resourceId: UUID.randomUUID().toString()], token).json.code == 'reference.invalid-resource'
        post("/api/v1/drafts/${draft.id}/references", [citation: 'x', researchId: UUID.randomUUID().toString()], token).json.code == 'research.not-found'
        post("/api/v1/drafts/${draft.id}/references", [citation: 'x', documentId: UUID.randomUUID().toString()], token).json.code == 'document.not-found'
        post("/api/v1/drafts/${draft.id}/references", [citation: 'x', position: -1], token).json.code == 'reference.invalid-position'
    }

    def "deleting a draft deletes its versions and references"() {
        given:
        Map draft = newDraft(token, newSession(token).id)
        put("/api/v1/drafts/${draft.id}", [content: 'two', baseVersion: 1], token)
        post("/api/v1/drafts/${draft.id}/references", [citation: 'c'], token)

        expect:
        delete("/api/v1/drafts/${draft.id}", token).status == 204
        get("/api/v1/drafts/${draft.id}/versions/1", token).json.code == 'draft.not-found'
        get("/api/v1/drafts/${draft.id}/references", token).json.code == 'draft.not-found'
        delete("/api/v1/drafts/${draft.id}", token).status == 404
    }

    def "draft content and citations are not in clear in any file of the user"() {
        given:
        String user = uniqueName('secret')
        register(user)
        String own = login(user)
        Map draft = newDraft(own, newSession(own, [title: 'session title secret']).id, [content: 'draft content secret'])
        post("/api/v1/drafts/${draft.id}/references", [citation: 'citation text secret'], own)

        expect:
        userDirOf(user).toFile().listFiles().findAll { it.isFile() }.every { file ->
            String bytes = new String(file.bytes, 'ISO-8859-1')
            !bytes.contains('draft content secret') && !bytes.contains('citation text secret')
                    && !bytes.contains('session title secret')
        }
    }
}
