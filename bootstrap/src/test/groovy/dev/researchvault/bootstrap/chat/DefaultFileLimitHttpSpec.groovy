package dev.researchvault.bootstrap.chat

/**
 * The shipped limits (application.yml): a 25 MiB file goes through in both forms, although as JSON it is
 * a third larger, and one byte more is a clean 413 problem, not a reset connection.
 */
class DefaultFileLimitHttpSpec extends MessageFilesSpecSupport {

    static final int MAX = 25 * 1024 * 1024

    User bob = user('large')

    def 'a file of #size bytes as #form answers #status'() {
        given:
        String chat = newChat(bob)
        byte[] bytes = new byte[size]
        bytes[size - 1] = 42

        when:
        Reply reply = form == 'JSON'
                ? post("/api/v1/chats/$chat/messages", [role: 'user', files: [[name: 'big', mime: 'a/b', data: base64(bytes)]]], bob.token)
                : postMultipart("/api/v1/chats/$chat/messages", [['role', null, null, 'user'], ['files', 'big', 'a/b', bytes]], bob.token)

        then:
        reply.status == status
        status == 201 ? get("/api/v1/messages/${reply.json.id}/files/0", bob.token).bytes == bytes
                      : reply.problem && reply.json.code == 'file.too-large' && blobKeys(bob).isEmpty()

        where:
        form        | size    || status
        'JSON'      | MAX     || 201
        'multipart' | MAX     || 201
        'JSON'      | MAX + 1 || 413
        'multipart' | MAX + 1 || 413
    }
}
