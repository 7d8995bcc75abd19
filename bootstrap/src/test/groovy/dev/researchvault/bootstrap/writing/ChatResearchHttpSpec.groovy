package dev.researchvault.bootstrap.writing

import spock.lang.Shared

/** Research started from a chat (Maestro's missions): the link, the chat's research list, and the chat's deletion. */
class ChatResearchHttpSpec extends WritingHttpSupport {

    @Shared
    String token

    def setupSpec() {
        token = newUser('missions')
    }

    def "research started from a chat answers its chatId and lists under the chat, newest first, by page and cursor"() {
        given:
        String chat = newChat(token)
        String other = newChat(token)
        List<String> started = (1..5).collect { n ->
            Reply reply = post('/api/v1/research', [query: "q$n", mode: 'quick', chatId: chat], token)
            assert reply.status == 201
            assert reply.json.chatId == chat
            reply.json.id
        }
        post('/api/v1/research', [query: 'elsewhere', mode: 'quick', chatId: other], token)
        Reply plain = post('/api/v1/research', [query: 'no chat', mode: 'quick'], token)

        expect:
        plain.json.chatId == null
        plain.json.containsKey('chatId')
        with(get("/api/v1/chats/$chat/research", token).json) {
            total == 5
            items*.id == started.reverse()
        }
        walk("/api/v1/chats/$chat/research", 2) == started.reverse()
        get("/api/v1/research/${started[0]}", token).json.chatId == chat
    }

    def "its logs are the research logs"() {
        given:
        String chat = newChat(token)
        String research = post('/api/v1/research', [query: 'q', mode: 'quick', chatId: chat], token).json.id

        when:
        assert post("/api/v1/research/$research/logs", [level: 'info', message: 'searching'], token).status == 201

        then:
        get("/api/v1/research/$research/logs", token).json*.message == ['searching']
    }

    def "deleting the chat keeps its research, unlinked"() {
        given:
        String chat = newChat(token)
        String research = post('/api/v1/research', [query: 'q', mode: 'quick', chatId: chat], token).json.id

        when:
        assert delete("/api/v1/chats/$chat", token).status == 204

        then:
        with(get("/api/v1/research/$research", token)) {
            status == 200
            json.chatId == null
        }
        get("/api/v1/chats/$chat/research", token).json.code == 'chat.not-found'
    }

    def "an unknown, malformed or another user's chat is 404 chat.not-found, and nothing is started"() {
        given:
        String before = get('/api/v1/research', token).json.total
        String othersChat = newChat(newUser('other'))

        expect:
        [UUID.randomUUID().toString(), 'not-a-uuid', othersChat].every { chatId ->
            Reply reply = post('/api/v1/research', [query: 'q', mode: 'quick', chatId: chatId], token)
            reply.status == 404 && reply.json.code == 'chat.not-found'
        }
        get("/api/v1/chats/$othersChat/research", token).json.code == 'chat.not-found'
        get('/api/v1/research', token).json.total == before as long
    }

    def "a cursor of another list is refused"() {
        given:
        String chat = newChat(token)
        3.times { post('/api/v1/research', [query: 'q', mode: 'quick', chatId: chat], token) }
        String chatsCursor = get('/api/v1/chats?size=1', token).json.next

        expect:
        get("/api/v1/chats/$chat/research?size=1&after=$chatsCursor", token).json.code == 'page.invalid-cursor'
    }

    private List<String> walk(String path, int size) {
        List<String> ids = []
        Map page = get("$path?size=$size", token).json as Map
        ids.addAll(page.items*.id)
        while (page.next != null) {
            page = get("$path?size=$size&after=${page.next}", token).json as Map
            ids.addAll(page.items*.id)
        }
        ids
    }
}
