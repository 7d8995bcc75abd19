package dev.researchvault.reliability.support

import java.util.concurrent.ThreadLocalRandom

/**
 * One user's document traffic, for the crash spec: uploads of random bytes (multipart) and deletions. An upload
 * writes two files with no common transaction (the bytes to blobs.db, then the row to vault.db), so a kill between
 * them is the case that matters: {@link #problems} checks that every acknowledged document is there with its exact
 * bytes, that no deleted one came back, that any other document is the one upload in flight with its bytes whole,
 * and {@link #unownedBlobs} that after a reconciliation no bytes are left without their row.
 */
class DocumentWorkload {

    final Api api
    final User user
    /** Acknowledged uploads: id → bytes; ids whose delete was acknowledged. */
    final Map<String, byte[]> documents = [:]
    final Set<String> deleted = []
    /** Every title sent, with its bytes: the in-flight upload may be on the server or not. */
    final Map<String, byte[]> sent = [:]
    /** The document whose deletion was sent and not answered (the server died under it): there or not. */
    String deleting
    int writes
    final List<String> anomalies = []

    DocumentWorkload(Api api, User user) {
        this.api = api
        this.user = user
    }

    /** One write: mostly uploads, sometimes a deletion. */
    void step() {
        if (ThreadLocalRandom.current().nextInt(4) == 0 && !documents.isEmpty()) {
            delete(documents.keySet().toList()[ThreadLocalRandom.current().nextInt(documents.size())])
        } else {
            upload()
        }
    }

    private void upload() {
        String title = "doc ${UUID.randomUUID()}"
        byte[] bytes = new byte[ThreadLocalRandom.current().nextInt(1, 64 * 1024)]
        ThreadLocalRandom.current().nextBytes(bytes)
        sent[title] = bytes
        def reply = api.multipart('/api/v1/documents', [['file', 'f.bin', 'application/octet-stream', bytes],
                                                         ['title', null, null, title]], user.token)
        if (reply.status == 201) {
            documents[reply.json.id as String] = bytes
            writes++
        } else {
            anomalies << "${user.name}: upload ${reply}".toString()
        }
    }

    private void delete(String id) {
        deleting = id
        def reply = api.delete("/api/v1/documents/${id}", user.token)
        deleting = null
        if (reply.status == 204) {
            documents.remove(id)
            deleted << id
            writes++
        } else {
            anomalies << "${user.name}: delete ${reply}".toString()
        }
    }

    /** Acknowledged documents missing or altered, deleted ones back, unknown or partial ones (empty: none). */
    List<String> problems() {
        def found = []
        def listed = pages()
        Set<String> ids = listed*.id as Set
        documents.each { id, bytes ->
            if (!(id in ids)) {
                if (id != deleting) {
                    found << "document ${id} lost".toString()
                }
            } else {
                def file = api.get("/api/v1/documents/${id}/file", user.token)
                if (file.status != 200 || !Arrays.equals(file.response.body(), bytes)) {
                    found << "document ${id} has other bytes: ${otherBytes(file.status, file.response.body(), bytes)}".toString()
                }
            }
        }
        deleted.findAll { it in ids }.each { found << "deleted document ${it} is back".toString() }
        listed.findAll { !documents.containsKey(it.id) && !deleted.contains(it.id) }.each { doc ->
            def file = api.get("/api/v1/documents/${doc.id}/file", user.token)
            if (!sent.containsKey(doc.title) || file.status != 200 || !Arrays.equals(file.response.body(), sent[doc.title])) {
                found << "document ${doc.id} was never sent whole (file ${file.status})".toString()
            }
        }
        found
    }

    /** What was served instead of {@code expected}: status, lengths, where they first differ, whose bytes they are. */
    private String otherBytes(int status, byte[] served, byte[] expected) {
        int common = Math.min(served.length, expected.length)
        // Not `find … ?: common`: a difference at 0 is falsy in Groovy and would be reported at the end.
        Integer differing = (0..<common).find { served[it] != expected[it] }
        int first = differing == null ? common : differing
        def sentAs = sent.find { title, bytes -> Arrays.equals(bytes, served) }?.key
        def zeros = served.length > 0 && served.every { it == 0 as byte }
        "status ${status}, ${served.length} bytes served for ${expected.length} sent, first difference at ${first}" +
                (sentAs ? ", the bytes sent as '${sentAs}'" : '') + (zeros ? ', all zero' : '') +
                ", served from there ${hex(served, first)}, sent from there ${hex(expected, first)}"
    }

    /** Up to 8 bytes of {@code bytes} from {@code from}, in hex, the two before in brackets. */
    private static String hex(byte[] bytes, int from) {
        def before = (Math.max(0, from - 2)..<from).collect { String.format('%02x', bytes[it]) }.join('')
        def after = (from..<Math.min(bytes.length, from + 8)).collect { String.format('%02x', bytes[it]) }.join('')
        "[${before}]${after}"
    }

    /** Takes the server's word for the upload or deletion in flight, so the next round starts from what is there. */
    void settle() {
        pages().findAll { !documents.containsKey(it.id) }.each { documents[it.id as String] = sent[it.title as String] }
        documents.keySet().removeAll(documents.keySet().findAll { id -> api.get("/api/v1/documents/${id}", user.token).status == 404 })
        deleting = null
    }

    /** Owners of blobs in blobs.db that are neither a document nor a message of vault.db, read from the files. */
    List<String> unownedBlobs(VaultFiles files) {
        Set<String> owners = files.withFile(user.name, user.password, 'blobs.db') { connection ->
            def result = connection.createStatement().executeQuery("SELECT DISTINCT substr(key, 1, 36) FROM blob")
            def read = [] as Set
            while (result.next()) { read << result.getString(1) }
            read
        }
        Set<String> rows = files.withFile(user.name, user.password, 'vault.db') { connection ->
            def result = connection.createStatement().executeQuery('SELECT id FROM document UNION ALL SELECT id FROM chat_message')
            def read = [] as Set
            while (result.next()) { read << result.getString(1) }
            read
        }
        (owners - rows).toList()
    }

    private List<Map> pages() {
        List<Map> all = []
        String after = null
        while (true) {
            def reply = api.get("/api/v1/documents?size=200${after ? "&after=${after}" : ''}", user.token)
            assert reply.status == 200: reply.toString()
            all.addAll(reply.json.items as List<Map>)
            after = reply.json.next
            if (!after) { return all }
        }
    }
}
