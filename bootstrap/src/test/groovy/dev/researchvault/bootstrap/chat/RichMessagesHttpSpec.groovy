package dev.researchvault.bootstrap.chat

import dev.researchvault.bootstrap.support.VaultHttpSpec
import spock.lang.Shared

import java.nio.file.Files

/**
 * Issue 14 on the chat endpoints: messages with model, sources, usage and metadata; editing and deleting one
 * message; chats of agents; research that records usage. Against a real server and encrypted files.
 */
class RichMessagesHttpSpec extends VaultHttpSpec {

    @Shared
    String token

    @Shared
    String other

    def setupSpec() {
        token = newUser('rich')
        other = newUser('other')
    }

    String newChat(Map body = [title: 'chat'], String as = token) {
        Reply reply = post('/api/v1/chats', body, as)
        assert reply.status == 201: reply.text
        reply.json.id
    }

    String newAgent(String name, String as = token) {
        Reply reply = post('/api/v1/agents', [name: name, model: 'gpt-4o'], as)
        assert reply.status == 201: reply.text
        reply.json.id
    }

    static final Map RICH = [role    : 'assistant', content: 'Photons are entangled [1].', model: 'gpt-4o',
                             sources : [[title: 'Entanglement', url: 'https://example.org/e', snippet: 'spooky',
                                         researchId: '7c1c2a3e-9d4e-4c4b-9f55-3d3b6f6f0a11', resourceId: '0b6f0d6a-3a8b-4b8e-9c39-1c9c8a0e2f10'],
                                        [title: 'Plain', url: 'https://example.org/p']],
                             usage   : [promptTokens: 1500, completionTokens: 420, costUsd: 0.0123456],
                             metadata: [temperature: 0.25, tags: ['a', 'b']]]

    def "a message with model, sources, usage and metadata answers them back, and reads back the same"() {
        given:
        String chat = newChat()

        when:
        Reply posted = post("/api/v1/chats/$chat/messages", RICH, token)

        then:
        posted.status == 201
        with(posted.json) {
            model == 'gpt-4o'
            sources*.title == ['Entanglement', 'Plain']
            sources[0].researchId == '7c1c2a3e-9d4e-4c4b-9f55-3d3b6f6f0a11'
            sources[1].snippet == null
            usage.promptTokens == 1500
            usage.costUsd == 0.012346
            metadata == [temperature: 0.25, tags: ['a', 'b']]
            editedAt == null
        }
        get("/api/v1/chats/$chat/messages", token).json.items == [posted.json]
    }

    def "a plain message answers the new fields empty, as old messages do"() {
        given:
        String chat = newChat()

        expect:
        with(post("/api/v1/chats/$chat/messages", [role: 'user', content: 'hi'], token).json) {
            model == null
            sources == []
            usage == null
            metadata == [:]
            editedAt == null
        }
    }

    def "bad rich fields are refused with 400 and nothing is stored: #why"() {
        given:
        String chat = newChat()

        when:
        Reply reply = post("/api/v1/chats/$chat/messages", [role: 'assistant', content: 'x'] + fields, token)

        then:
        reply.status == 400
        reply.header('Content-Type').startsWith('application/problem+json')
        reply.json.type.endsWith(code)
        get("/api/v1/chats/$chat", token).json.messageCount == 0

        where:
        why                 | fields                                                                   || code
        'negative tokens'   | [usage: [promptTokens: -1, completionTokens: 0]]                         || 'usage.invalid-tokens'
        'missing tokens'    | [usage: [costUsd: 1]]                                                    || 'usage.invalid-tokens'
        'negative cost'     | [usage: [promptTokens: 1, completionTokens: 1, costUsd: -0.01]]          || 'usage.invalid-cost'
        'source without url'| [sources: [[title: 't']]]                                                || 'chat.invalid-source'
        'malformed source id'| [sources: [[title: 't', url: 'u', researchId: 'nope']]]                 || 'chat.invalid-source'
        'resource alone'    | [sources: [[title: 't', url: 'u', resourceId: UUID.randomUUID().toString()]]] || 'chat.invalid-source'
        'too many sources'  | [sources: (1..201).collect { [title: 't', url: 'u'] }]                   || 'chat.invalid-source'
        'deep metadata'     | [metadata: (1..40).inject([:]) { inner, i -> [n: inner] }]               || 'chat.metadata-too-deep'
        'large metadata'    | [metadata: [big: 'x' * (65 * 1024)]]                                     || 'chat.metadata-too-large'
        'model too long'    | [model: 'm' * 201]                                                       || 'chat.invalid-model'
    }

    def "a cost with twenty decimals is kept to the micro-dollar"() {
        given:
        String chat = newChat()

        expect:
        post("/api/v1/chats/$chat/messages", [role: 'assistant', content: 'x',
                usage: [promptTokens: 1, completionTokens: 2, costUsd: new BigDecimal('0.12345678901234567891')]], token)
                .json.usage.costUsd == 0.123457
    }

    def "a message is edited: content and editedAt change, the rest stays"() {
        given:
        String chat = newChat()
        Map posted = post("/api/v1/chats/$chat/messages", RICH, token).json

        when:
        Reply edited = patch("/api/v1/messages/${posted.id}", [content: 'Photons are entangled [1], always.'], token)

        then:
        edited.status == 200
        edited.json.content == 'Photons are entangled [1], always.'
        edited.json.editedAt != null
        edited.json.subMap('model', 'sources', 'usage', 'metadata', 'createdAt', 'files') ==
                posted.subMap('model', 'sources', 'usage', 'metadata', 'createdAt', 'files')
        get("/api/v1/chats/$chat/messages", token).json.items == [edited.json]
    }

    def "an edit to empty content without files is refused and changes nothing"() {
        given:
        String chat = newChat()
        Map posted = post("/api/v1/chats/$chat/messages", [role: 'user', content: 'keep me'], token).json

        when:
        Reply refused = patch("/api/v1/messages/${posted.id}", [content: '  '], token)

        then:
        refused.status == 400
        refused.json.type.endsWith('chat.empty-message')
        get("/api/v1/chats/$chat/messages", token).json.items == [posted]
    }

    def "a deleted message is gone with its files; the others stay"() {
        given:
        String chat = newChat()
        Map doomed = post("/api/v1/chats/$chat/messages", [role: 'user', content: 'doomed',
                files: [[name: 'a.txt', mime: 'text/plain', data: 'aGVsbG8=']]], token).json
        Map kept = post("/api/v1/chats/$chat/messages", [role: 'user', content: 'kept',
                files: [[name: 'b.txt', mime: 'text/plain', data: 'd29ybGQ=']]], token).json

        when:
        Reply deleted = delete("/api/v1/messages/${doomed.id}", token)

        then:
        deleted.status == 204
        get("/api/v1/chats/$chat/messages", token).json.items*.id == [kept.id]
        get("/api/v1/messages/${doomed.id}/files/0", token).status == 404
        get("/api/v1/messages/${kept.id}/files/0", token).text == 'world'
        delete("/api/v1/messages/${doomed.id}", token).status == 404
    }

    def "another user's message answers PATCH and DELETE byte for byte as a random id does; a malformed id is 404 too"() {
        given:
        String chat = newChat()
        String hers = post("/api/v1/chats/$chat/messages", [role: 'user', content: 'mine'], token).json.id

        when:
        def answers = [hers, UUID.randomUUID().toString(), 'nope'].collect { id ->
            [patch("/api/v1/messages/$id", [content: 'x'], other), delete("/api/v1/messages/$id", other)]
        }

        then:
        answers.flatten()*.status.every { it == 404 }
        answers.flatten()*.json*.type.every { it.endsWith('chat.message-not-found') }
        answers[0]*.text == answers[1]*.text
        get("/api/v1/chats/$chat/messages", token).json.items*.content == ['mine']
    }

    def "metadata members may be null, in messages and in research"() {
        given:
        String chat = newChat()
        String research = post('/api/v1/research', [query: 'nulls', mode: 'quick'], token).json.id

        when:
        Reply message = post("/api/v1/chats/$chat/messages", [role: 'user', content: 'x', metadata: [k: null, n: 1]], token)
        Reply patched = patch("/api/v1/research/$research", [metadata: [k: null, n: 1]], token)

        then:
        message.status == 201
        message.json.metadata == [k: null, n: 1]
        patched.status == 200
        patched.json.metadata == [k: null, n: 1]
        get("/api/v1/research/$research", token).json.metadata == [k: null, n: 1]
    }

    def "a chat of an agent: created, listed by agent, renamed and moved; it keeps the agent's name after the agent goes"() {
        given:
        String writer = newAgent("Writer-${UUID.randomUUID()}")
        String editor = newAgent("Editor-${UUID.randomUUID()}")
        String chat = newChat([title: 'drafts', agentId: writer])
        String loose = newChat([title: 'loose'])

        expect:
        get("/api/v1/chats/$chat", token).json.agentId == writer
        get("/api/v1/chats?agentId=$writer", token).json.items*.id == [chat]
        get("/api/v1/chats?agentId=$writer", token).json.total == 1
        get("/api/v1/chats/$loose", token).json.agentId == null

        when:
        Reply moved = patch("/api/v1/chats/$chat", [title: 'edits', agentId: editor], token)

        then:
        moved.status == 200
        moved.json.title == 'edits'
        moved.json.agentId == editor
        get("/api/v1/chats?agentId=$writer", token).json.items == []

        when:
        String editorName = get("/api/v1/agents/$editor", token).json.name
        assert delete("/api/v1/agents/$editor", token).status == 204

        then:
        with(get("/api/v1/chats/$chat", token).json) {
            agentId == null
            agentName == editorName
            title == 'edits'
        }
    }

    def "chat agent links are checked: an unknown agent is 404, a bad filter 400, a bad title 400; nothing changes"() {
        given:
        String chat = newChat([title: 'stays'])

        expect:
        post('/api/v1/chats', [title: 't', agentId: UUID.randomUUID().toString()], token).status == 404
        post('/api/v1/chats', [title: 't', agentId: 'nope'], token).status == 404
        patch("/api/v1/chats/$chat", [agentId: UUID.randomUUID().toString()], token).status == 404
        patch("/api/v1/chats/$chat", [title: ' '], token).status == 400
        get('/api/v1/chats?agentId=nope', token).status == 400
        get("/api/v1/chats/$chat", token).json.title == 'stays'
        patch("/api/v1/chats/$chat", [title: 'x'], other).status == 404
    }

    def "research records usage through PATCH, and answers it back"() {
        given:
        String research = post('/api/v1/research', [query: 'photons', mode: 'quick'], token).json.id

        when:
        Reply patched = patch("/api/v1/research/$research", [usage: [promptTokens: 52000, completionTokens: 9100, costUsd: 1.25]], token)

        then:
        patched.status == 200
        patched.json.usage == [promptTokens: 52000, completionTokens: 9100, costUsd: 1.25]
        get("/api/v1/research/$research", token).json.usage == patched.json.usage
        post('/api/v1/research', [query: 'q2', mode: 'quick'], token).json.usage == null
    }

    def "sources, metadata and the model are encrypted on disk"() {
        given:
        String marker = "marker-${UUID.randomUUID()}"
        String chat = newChat()
        post("/api/v1/chats/$chat/messages", [role: 'assistant', content: 'x', model: "model-$marker",
                sources: [[title: "title-$marker", url: 'https://example.org']], metadata: [note: "meta-$marker"]], token)

        expect:
        def dir = dataDir.resolve('users')
        def all = Files.walk(dir).filter { Files.isRegularFile(it) }.toList()
        !all.isEmpty()
        all.every { !new String(Files.readAllBytes(it), 'ISO-8859-1').contains(marker) }
    }
}
