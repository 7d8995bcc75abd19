package dev.researchvault.reliability.support

import java.util.concurrent.ThreadLocalRandom

/**
 * One user's mixed traffic, and the ledger of every write the server acknowledged (a 2xx answer reached
 * the client). A write whose answer never arrived (server killed) is not in the ledger: it may or may not
 * have happened. Anything a well-behaved client should never see (5xx, "database is locked", an
 * unexpected 4xx) goes to {@link #anomalies}.
 */
class Workload {

    final Api api
    final User user
    final boolean withFiles
    String researchId
    String chatId

    final List<String> researchIds = Collections.synchronizedList([])
    final List<String> logMessages = Collections.synchronizedList([])
    final Map<String, byte[]> messages = Collections.synchronizedMap([:])   // id → file bytes or null
    /** Each acknowledged message's own word (a UUID), in the order acknowledged: what a search must find. */
    final Map<String, String> messageWords = Collections.synchronizedMap(new LinkedHashMap<>())
    int reportPuts
    int writes
    int reads
    final List<String> anomalies = Collections.synchronizedList([])

    Workload(Api api, User user, boolean withFiles) {
        this.api = api
        this.user = user
        this.withFiles = withFiles
    }

    /** The research and chat the traffic writes into; made once, while the server is up. */
    void prepare() {
        researchId = acknowledged(api.post('/api/v1/research', [query: "home of ${user.name}", mode: 'quick'], user.token), 201).id
        chatId = acknowledged(api.post('/api/v1/chats', [title: 'home'], user.token), 201).id
    }

    /** One request: a write, or (when {@code withReads}) as often a read. */
    void step(boolean withReads) {
        int choice = ThreadLocalRandom.current().nextInt(withReads ? 10 : 5)
        switch (choice) {
            case 0: createResearch(); break
            case 1: appendLog(); break
            case 2: postMessage(); break
            case 3: putReport(); break
            case 4: appendLog(); break
            case 5: read("/api/v1/research?size=5"); break
            case 6: read("/api/v1/research/${researchId}"); break
            case 7: read("/api/v1/research/${researchId}/logs?after=0"); break
            case 8: read("/api/v1/chats/${chatId}/messages?size=5"); break
            default: read('/api/v1/settings/backup.max_count')
        }
    }

    private void createResearch() {
        def json = write(api.post('/api/v1/research', [query: "q ${UUID.randomUUID()}", mode: 'quick'], user.token), 201)
        if (json) { researchIds << json.id }
    }

    private void appendLog() {
        String message = "line ${UUID.randomUUID()}"
        if (write(api.post("/api/v1/research/${researchId}/logs", [level: 'info', message: message], user.token), 201)) {
            logMessages << message
        }
    }

    private void postMessage() {
        byte[] bytes = withFiles ? UUID.randomUUID().toString().bytes : null
        String word = UUID.randomUUID()
        def body = [role: 'user', content: "message ${word}"]
        if (bytes) {
            body.files = [[name: 'note.txt', mime: 'text/plain', data: bytes.encodeBase64().toString()]]
        }
        def json = write(api.post("/api/v1/chats/${chatId}/messages", body, user.token), 201)
        if (json) {
            messages[json.id as String] = bytes
            messageWords[json.id as String] = word
        }
    }

    private void putReport() {
        if (write(api.put("/api/v1/research/${researchId}/report", [content: "# v${reportPuts + 1}", format: 'markdown'], user.token), 200)) {
            synchronized (this) { reportPuts++ }
        }
    }

    private void read(String path) {
        Api.Reply reply = api.get(path, user.token)
        synchronized (this) { reads++ }
        check(reply, 200)
    }

    private Object write(Api.Reply reply, int expected) {
        if (!check(reply, expected)) {
            return null
        }
        synchronized (this) { writes++ }
        reply.json
    }

    private boolean check(Api.Reply reply, int expected) {
        if (reply.status == expected) {
            return true
        }
        anomalies << "${user.name}: ${reply}".toString()
        false
    }

    private Object acknowledged(Api.Reply reply, int expected) {
        assert reply.status == expected: reply.toString()
        reply.json
    }

    int getAcknowledgedWrites() {
        researchIds.size() + logMessages.size() + messages.size() + reportPuts
    }
}
