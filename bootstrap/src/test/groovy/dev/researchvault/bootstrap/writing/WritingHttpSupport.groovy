package dev.researchvault.bootstrap.writing

import dev.researchvault.bootstrap.chat.MessageFilesSpecSupport

/**
 * Helpers of the writing HTTP specs: a session, a draft, a chat, made through the API (multipart uploads, for the
 * documents that references cite, come from the message-file support).
 */
abstract class WritingHttpSupport extends MessageFilesSpecSupport {

    Map newSession(String token, Map fields = [:]) {
        Reply reply = post('/api/v1/writing-sessions', [title: 'Essay'] + fields, token)
        assert reply.status == 201: reply.text
        reply.json as Map
    }

    Map newDraft(String token, String sessionId, Map fields = [:]) {
        Reply reply = post("/api/v1/writing-sessions/$sessionId/drafts", [title: 'Chapter 1', content: 'Once'] + fields, token)
        assert reply.status == 201: reply.text
        reply.json as Map
    }

    String newChat(String token, String title = 'talk') {
        Reply reply = post('/api/v1/chats', [title: title], token)
        assert reply.status == 201: reply.text
        reply.json.id
    }
}
