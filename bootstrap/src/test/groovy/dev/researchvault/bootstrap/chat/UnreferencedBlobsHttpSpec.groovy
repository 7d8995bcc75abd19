package dev.researchvault.bootstrap.chat

/**
 * Issue 12, item 8: a crash between a chat deletion's commit (vault.db) and the deletion of its files
 * (blobs.db) left the files in blobs.db forever, and in every backup. Simulated here the way the crash leaves
 * the vault: the chat's rows deleted, its blobs not. The next login removes them in the background; so does
 * the vacuum, which says how many it removed. Files of live messages stay.
 */
class UnreferencedBlobsHttpSpec extends MessageFilesSpecSupport {

    User alice = user('leftovers')

    /** Posts a message with two files (the second with a thumbnail); answers its id. */
    String postWithFiles(String chat, String text) {
        Reply reply = postMultipart("/api/v1/chats/$chat/messages", [
                ['role', null, null, 'user'],
                ['content', null, null, text],
                ['files', 'a.txt', 'text/plain', "first file of $text".toString()],
                ['files', 'b.bin', 'application/octet-stream', "second file of $text".toString()],
                ['thumbnail.1', 't.png', 'image/png', 'thumb'],
        ], alice.token)
        assert reply.status == 201: reply.text
        reply.json.id
    }

    void deleteChatRowsOnly(String chat) {
        deleteChatRowsOnly(alice, chat)
    }

    List<String> keysOf(String message) {
        blobKeys(alice).findAll { it.startsWith("$message/") }
    }

    def 'files left behind by a chat deletion that crashed are gone after the next login, live files stay'() {
        given:
        String doomedChat = newChat(alice, 'doomed')
        String keptChat = newChat(alice, 'kept')
        def doomed = (1..3).collect { postWithFiles(doomedChat, "doomed $it") }
        String kept = postWithFiles(keptChat, 'kept')
        deleteChatRowsOnly(doomedChat)

        expect: 'the crash leftovers: no rows, but 3 blobs per message'
        get("/api/v1/chats/$doomedChat", alice.token).status == 404
        doomed.every { keysOf(it).size() == 3 }

        when: 'the user logs in again'
        assert post('/api/v1/auth/logout', null, alice.token).status == 204
        alice.token = login(alice.name, PASSWORD)
        waitUntil { doomed.every { keysOf(it).isEmpty() } }

        then:
        keysOf(kept) == ["$kept/0", "$kept/1", "$kept/1.thumb"]*.toString()
        get("/api/v1/messages/$kept/files/1", alice.token).text == 'second file of kept'
    }

    def 'the vacuum removes such leftovers too and says how many blobs it removed'() {
        given:
        String doomedChat = newChat(alice, 'doomed')
        String keptChat = newChat(alice, 'kept')
        def doomed = (1..2).collect { postWithFiles(doomedChat, "doomed $it") }
        String kept = postWithFiles(keptChat, 'kept')
        deleteChatRowsOnly(doomedChat)

        when:
        Reply vacuum = post('/api/v1/vault/vacuum', null, alice.token)

        then:
        vacuum.status == 200
        vacuum.json.blobsRemoved == 6
        vacuum.json.bytesReclaimed >= 0
        doomed.every { keysOf(it).isEmpty() }
        keysOf(kept).size() == 3

        and: 'a second vacuum finds nothing more'
        post('/api/v1/vault/vacuum', null, alice.token).json.blobsRemoved == 0
        keysOf(kept).size() == 3
    }

    /** Polls a condition the background upkeep makes true (a generous bound, not a timing assertion). */
    static void waitUntil(Closure<Boolean> condition) {
        long deadline = System.nanoTime() + 60_000_000_000L
        while (!condition()) {
            assert System.nanoTime() < deadline: 'the background reconciliation did not finish'
            sleep(100)
        }
    }
}
