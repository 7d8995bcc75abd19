package dev.researchvault.reliability

import dev.researchvault.reliability.support.Api
import dev.researchvault.reliability.support.User
import dev.researchvault.reliability.support.Workload

/**
 * The file endpoints of messages (API.md "Chats, messages and files") are built on another branch; the
 * specs use them when the server under test takes a message with a file, and say so when it does not.
 */
class FileEndpoints {

    /** Whether a message with a small file is accepted (201) by this server. */
    static boolean supported(Api api, User probe) {
        String chat = api.post('/api/v1/chats', [title: 'probe'], probe.token).json.id
        def body = [role: 'user', content: 'probe', files: [[name: 'a.txt', mime: 'text/plain', data: 'aGk=']]]
        api.post("/api/v1/chats/${chat}/messages", body, probe.token).status == 201
    }

    /** Every acknowledged file of the workload is served with its bytes; answers how many were checked. */
    static int assertFilesIntact(Api api, Workload workload) {
        def withBytes = workload.messages.findAll { it.value != null }
        withBytes.each { id, bytes ->
            def reply = api.get("/api/v1/messages/${id}/files/0", workload.user.token)
            assert reply.status == 200 && reply.response.body() == bytes: "file of message ${id}: ${reply.status}"
        }
        withBytes.size()
    }
}
