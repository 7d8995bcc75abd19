package dev.researchvault.bootstrap.frontend

import dev.researchvault.bootstrap.document.DocumentHttpSupport

/**
 * The limits an operator sets (issue 18, item 8) on a real server: files per message and the per-user storage quota.
 * A refused upload stores nothing, whichever path it came by.
 */
class OperatorLimitsHttpSpec extends DocumentHttpSupport {

    static final int QUOTA = 1000

    @Override
    Map<String, Object> extraProperties() {
        ['files.max-files-per-message': 3, 'files.storage-quota': "${QUOTA}"]
    }

    def "a message with more files than the cap is 413 chat.too-many-files and stores nothing"() {
        given:
        User owner = user('cap')
        String chat = newChat(owner)

        when:
        def reply = postFiles(owner, chat, 4)

        then:
        reply.status == 413
        reply.problem
        reply.json.code == 'chat.too-many-files'
        get("/api/v1/chats/${chat}/messages", owner.token).json.total == 0
        blobKeys(owner) == []
    }

    def "as many files as the cap are taken"() {
        expect:
        User owner = user('cap')
        postFiles(owner, newChat(owner), 3).status == 201
    }

    /** A message of {@code count} one-byte files. */
    Reply postFiles(User owner, String chat, int count) {
        postMultipart("/api/v1/chats/${chat}/messages",
                [['role', null, null, 'user']] + (1..count).collect { ['files', "f${it}.txt", 'text/plain', 'x'] }, owner.token)
    }

    def "files up to the quota are stored; one that would go over it is 413 vault.quota-exceeded, by either path"() {
        given:
        User owner = user('quota')
        String chat = newChat(owner)
        byte[] most = new byte[QUOTA - 100]

        expect: 'a message file takes most of the quota'
        postMultipart("/api/v1/chats/${chat}/messages", [['role', null, null, 'user'], ['files', 'big.bin', 'application/octet-stream', most]],
                owner.token).status == 201
        def before = blobKeys(owner)

        when: 'a message and a document that would go over it'
        def message = postMultipart("/api/v1/chats/${chat}/messages",
                [['role', null, null, 'user'], ['files', 'more.bin', 'application/octet-stream', new byte[101]]], owner.token)
        def document = upload(owner, new byte[101])

        then:
        [message, document].every { it.status == 413 && it.problem && it.json.code == 'vault.quota-exceeded' }
        blobKeys(owner) == before
        get('/api/v1/documents', owner.token).json.total == 0
        get("/api/v1/chats/${chat}/messages", owner.token).json.total == 1

        and: 'what still fits is taken'
        upload(owner, new byte[100]).status == 201
    }

    def "each user has a quota of their own"() {
        given:
        User ann = user('ann')
        User bob = user('bob')

        expect:
        upload(ann, new byte[QUOTA]).status == 201
        upload(bob, new byte[QUOTA]).status == 201
        upload(ann, new byte[1]).json.code == 'vault.quota-exceeded'
    }

    def "uploads sent at once cannot together take a user past the quota, by any path"() {
        given: 'twelve uploads of 100 bytes each, against 1,000: raw, document and message, all started together'
        User owner = user('burst')
        String chat = newChat(owner)
        def start = new java.util.concurrent.CountDownLatch(1)
        def pool = java.util.concurrent.Executors.newFixedThreadPool(12)

        when:
        def replies = (0..<12).collect { n ->
            pool.submit({
                start.await()
                byte[] bytes = new byte[100]
                switch (n % 3) {
                    case 0: return rawUpload(owner, bytes)
                    case 1: return upload(owner, bytes)
                    default: return postMultipart("/api/v1/chats/${chat}/messages",
                            [['role', null, null, 'user'], ['files', 'f.bin', 'application/octet-stream', bytes]], owner.token)
                }
            } as java.util.concurrent.Callable<Reply>)
        }
        start.countDown()
        List<Reply> answers = replies*.get(60, java.util.concurrent.TimeUnit.SECONDS)

        then: 'each is stored or refused with 413; what was stored fits'
        answers.every { it.status == 201 || (it.status == 413 && it.json.code == 'vault.quota-exceeded') }
        int stored = answers.count { it.status == 201 }
        stored * 100 <= QUOTA
        storedBytes(owner) <= QUOTA

        cleanup:
        pool.shutdown()
    }

    Reply rawUpload(User owner, byte[] bytes) {
        postUpload(owner, java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes), 'application/octet-stream', '?name=raw.bin')
    }

    /** What the owner's blobs.db holds, files and waiting uploads, read from the file itself. */
    long storedBytes(User owner) {
        rowsOf(owner, dev.researchvault.adapter.persistence.vault.VaultFile.BLOBS,
                'SELECT (SELECT COALESCE(SUM(size), 0) FROM blob) + (SELECT COALESCE(SUM(size), 0) FROM blob_upload)')[0][0] as long
    }
}
