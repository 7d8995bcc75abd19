package dev.researchvault.bootstrap.document

import dev.researchvault.bootstrap.chat.MessageFilesSpecSupport

/** What the document specs share: uploads, groups, and the blob keys of a user's documents. */
abstract class DocumentHttpSupport extends MessageFilesSpecSupport {

    static final String MISSING = UUID.randomUUID().toString()

    /** Uploads a document of {@code content}; {@code fields} become text parts. Answers the reply. */
    Reply upload(User user, Object content, Map<String, String> fields = [:], String mime = 'application/pdf',
                 String fileName = 'paper.pdf') {
        List<List> parts = [['file', fileName, mime, content]]
        fields.each { name, value -> parts << [name, null, null, value] }
        postMultipart('/api/v1/documents', parts, user.token)
    }

    /** Uploads a document and answers it; fails the spec unless it is a 201. */
    Map newDocument(User user, String title = 'A paper', Object content = "bytes of $title".toString()) {
        Reply reply = upload(user, content, [title: title])
        assert reply.status == 201: reply
        reply.json as Map
    }

    Map newGroup(User user, String name = uniqueName('group')) {
        Reply reply = post('/api/v1/document-groups', [name: name], user.token)
        assert reply.status == 201: reply
        reply.json as Map
    }

    List<String> keysOf(User user, String documentId) {
        blobKeys(user).findAll { it.startsWith("$documentId/") }
    }
}
