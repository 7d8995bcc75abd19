package dev.researchvault.bootstrap.chat

import dev.researchvault.bootstrap.support.VaultHttpSpec
import spock.lang.Shared

/** {@code /api/v1/chats} and their messages. */
class ChatHttpSpec extends VaultHttpSpec {

    static final String MISSING = UUID.randomUUID().toString()

    @Shared
    String token

    def setupSpec() {
        token = newUser('chatter')
    }

    String newChat(String title, String as = token) {
        Reply reply = post('/api/v1/chats', [title: title], as)
        assert reply.status == 201: reply
        reply.json.id
    }

    Reply say(String chatId, String content, String role = 'user') {
        post("/api/v1/chats/$chatId/messages", [role: role, content: content], token)
    }

    def '#method #path needs a session'() {
        expect:
        send(method, path, body, null).status == 401

        where:
        method   | path                              | body
        'POST'   | '/api/v1/chats'                   | [title: 't']
        'GET'    | '/api/v1/chats'                   | null
        'GET'    | "/api/v1/chats/$MISSING"          | null
        'DELETE' | "/api/v1/chats/$MISSING"          | null
        'POST'   | "/api/v1/chats/$MISSING/messages" | [role: 'user', content: 'hi']
        'GET'    | "/api/v1/chats/$MISSING/messages" | null
    }

    def 'a new chat has no messages'() {
        when:
        Reply reply = post('/api/v1/chats', [title: 'Ideas'], token)

        then:
        reply.status == 201
        reply.json.title == 'Ideas'
        reply.json.messageCount == 0
        reply.json.createdAt == reply.json.updatedAt
        get("/api/v1/chats/${reply.json.id}", token).json == reply.json
    }

    def 'a chat with title #title is a bad request'() {
        expect:
        post('/api/v1/chats', [title: title], token).status == 400

        where:
        title << ['', '   ', null, 'x' * 501]
    }

    def 'an unknown or malformed chat is not found'() {
        expect:
        get("/api/v1/chats/$id", token).status == 404
        delete("/api/v1/chats/$id", token).status == 404
        say(id, 'hello?').status == 404
        get("/api/v1/chats/$id/messages", token).status == 404

        where:
        id << [MISSING, 'nope']
    }

    def 'a message is stored with an empty file list and counted'() {
        given:
        String chat = newChat('talk')

        when:
        Reply reply = say(chat, 'Hello', 'assistant')

        then:
        reply.status == 201
        with(reply.json) {
            role == 'assistant'
            content == 'Hello'
            files == []
            chatId == chat
        }
        get("/api/v1/chats/$chat", token).json.messageCount == 1
    }

    def 'a message with #body is a bad request'() {
        given:
        String chat = newChat('bad')

        expect:
        with(post("/api/v1/chats/$chat/messages", body, token)) {
            status == 400
            json.type.endsWith(code)
        }

        where:
        body                                                   || code
        [role: 'robot', content: 'x']                          || 'chat.invalid-role'
        [content: 'x']                                         || 'chat.invalid-role'
        [role: 'user', content: '  ']                          || 'chat.empty-message'
        [role: 'user', content: 'x', files: [[name: 'a.txt']]] || 'chat.invalid-file-data'
        [role: 'user', files: [[name: 'a', data: '!!']]]       || 'chat.invalid-file-data'
        [role: 'user', files: [[mime: 'a/b', data: 'AA==']]]   || 'chat.invalid-file-name'
        [role: 'user', files: [[name: 'a', data: 'AA==']]]     || 'blob.invalid-mime'
    }

    def 'the chat list shows the latest updated first with message counts'() {
        given:
        String user = newUser('lists')
        String older = newChat('older', user)
        String newer = newChat('newer', user)
        post("/api/v1/chats/$older/messages", [role: 'user', content: 'bump'], user)

        when:
        def page = get('/api/v1/chats', user).json

        then:
        page.items*.id == [older, newer]
        page.items*.messageCount == [1, 0]
        page.total == 2
        get('/api/v1/chats?page=1&size=1', user).json.items*.id == [newer]
        get('/api/v1/chats?page=2&size=1', user).json.items == []
        get('/api/v1/chats?size=201', user).status == 400
    }

    def 'messages page oldest first'() {
        given:
        String chat = newChat('long')
        (1..5).each { say(chat, "m$it") }

        expect:
        with(get("/api/v1/chats/$chat/messages?page=$page&size=2", token).json) {
            items*.content == expected
            total == 5
        }

        where:
        page || expected
        0    || ['m1', 'm2']
        2    || ['m5']
        3    || []
    }

    def 'deleting a chat deletes its messages'() {
        given:
        String chat = newChat('doomed')
        say(chat, 'bye')

        expect:
        delete("/api/v1/chats/$chat", token).status == 204
        get("/api/v1/chats/$chat", token).status == 404
        get("/api/v1/chats/$chat/messages", token).status == 404
    }
}
