package dev.researchvault.bootstrap.chat

import dev.researchvault.adapter.persistence.vault.VaultFile
import groovy.json.JsonOutput

import java.sql.Connection

/**
 * Message rows written in the legacy form (base64 inside the files JSON) straight into a real vault: they are
 * served as they are, and the login after moves them into blobs.db, 100 messages a batch, idempotently.
 */
class LegacyFilesHttpSpec extends MessageFilesSpecSupport {

    static final byte[] PNG = [0x89, 0x50, 0x4E, 0x47, 13, 10, 26, 10, 7, 7] as byte[]
    static final int BULK = 150

    User alice = user('legacy')

    /** Files JSON as an older writer produced it: spaces after colons, data URLs, line breaks in base64. */
    static String legacyJson(String text) {
        String wrapped = base64(text.getBytes('UTF-8')).replaceAll(/(.{8})/, '$1\n')
        JsonOutput.toJson([[name: 'old.txt', mime: 'text/plain', data: wrapped,
                            thumbnail: "data:image/png;base64,${base64(PNG)}".toString()],
                           [name: 'raw.bin', mime: 'application/octet-stream', data: base64([1, 2, 3] as byte[])]])
                .replace('":', '": ')
    }

    void writeLegacyRows(String chat, String firstId) {
        Connection connection = connect(alice, VaultFile.VAULT)
        try {
            connection.createStatement().execute('PRAGMA busy_timeout = 10000')
            def update = connection.prepareStatement('UPDATE chat_message SET files = ? WHERE id = ?')
            update.setString(1, legacyJson('first legacy file'))
            update.setString(2, firstId)
            assert update.executeUpdate() == 1
            def insert = connection.prepareStatement("INSERT INTO chat_message (id, chat_id, role, content, files, created_at)"
                    + " VALUES (?, ?, 'user', '', ?, '2020-01-01T00:00:00.000Z')")
            BULK.times {
                insert.setString(1, UUID.randomUUID().toString())
                insert.setString(2, chat)
                insert.setString(3, legacyJson("bulk file $it"))
                insert.executeUpdate()
            }
        } finally {
            connection.close()
        }
    }

    int rowsStillInline() {
        Connection connection = connect(alice, VaultFile.VAULT)
        try {
            def result = connection.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM chat_message WHERE instr(files, '\"data\"') > 0")
            result.next()
            result.getInt(1)
        } finally {
            connection.close()
        }
    }

    def 'legacy files are served from the row, then migrated at the next login and served from blobs.db'() {
        given:
        String chat = newChat(alice)
        String id = post("/api/v1/chats/$chat/messages", [role: 'user', content: 'from the old days'], alice.token).json.id
        writeLegacyRows(chat, id)

        when: 'not migrated yet'
        Reply file = get("/api/v1/messages/$id/files/0", alice.token)
        Reply thumb = get("/api/v1/messages/$id/files/0/thumbnail", alice.token)
        Reply second = get("/api/v1/messages/$id/files/1", alice.token)
        def listed = get("/api/v1/chats/$chat/messages?size=200", alice.token).json.items.find { it.id == id }

        then:
        rowsStillInline() == BULK + 1
        file.status == 200
        file.text == 'first legacy file'
        file.contentType == 'text/plain'
        thumb.bytes == PNG
        thumb.contentType == 'image/png'
        second.bytes == [1, 2, 3] as byte[]
        get("/api/v1/messages/$id/files/1/thumbnail", alice.token).status == 404
        get("/api/v1/messages/$id/files/0", alice.token, ['If-None-Match': file.header('ETag')]).status == 304
        listed.files == [[index: 0, name: 'old.txt', mime: 'text/plain', size: 17, hasThumbnail: true],
                         [index: 1, name: 'raw.bin', mime: 'application/octet-stream', size: 3, hasThumbnail: false]]

        when: 'the next login migrates in the background'
        assert post('/api/v1/auth/logout', null, alice.token).status == 204
        alice.token = login(alice.name, PASSWORD)
        waitUntil { rowsStillInline() == 0 && blobKeys(alice).size() == 3 * (BULK + 1) }

        then:
        blobKeys(alice).containsAll(["$id/0", "$id/0.thumb", "$id/1"]*.toString())
        with(get("/api/v1/messages/$id/files/0", alice.token)) {
            text == 'first legacy file'
            header('ETag') == file.header('ETag')
        }
        get("/api/v1/messages/$id/files/0/thumbnail", alice.token).bytes == PNG
        get("/api/v1/chats/$chat/messages?size=200", alice.token).json.items.find { it.id == id }.files == listed.files

        when: 'another login finds nothing to do'
        assert post('/api/v1/auth/logout', null, alice.token).status == 204
        alice.token = login(alice.name, PASSWORD)

        then:
        get("/api/v1/messages/$id/files/1", alice.token).bytes == [1, 2, 3] as byte[]
        blobKeys(alice).size() == 3 * (BULK + 1)
    }

    /** Polls a condition the background migration makes true (a generous bound, not a timing assertion). */
    static void waitUntil(Closure<Boolean> condition) {
        long deadline = System.nanoTime() + 120_000_000_000L
        while (!condition()) {
            assert System.nanoTime() < deadline: 'the background migration did not finish'
            sleep(100)
        }
    }
}
