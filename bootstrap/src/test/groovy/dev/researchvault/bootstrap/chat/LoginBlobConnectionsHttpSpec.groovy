package dev.researchvault.bootstrap.chat

import dev.researchvault.adapter.persistence.support.OpenDescriptors
import dev.researchvault.adapter.persistence.vault.VaultFile
import spock.lang.Requires

import static dev.researchvault.bootstrap.chat.LegacyFilesHttpSpec.waitUntil

/**
 * Issue 17: the blob upkeep after a login (legacy files, expired uploads, unreferenced blobs) opened blobs.db in every
 * vault, ≈ 270 KiB of native memory per logged-in vault while the connection stayed open. A vault that never held a
 * file now opens none; a vault with files is still reconciled. The server runs in this JVM, so its open connections
 * are this process's file descriptors on blobs.db. The upkeep runs on one thread in login order, so once a later
 * login's upkeep has visibly run, an earlier one's has finished.
 */
@Requires({ os.linux })
class LoginBlobConnectionsHttpSpec extends MessageFilesSpecSupport {

    def "a new vault's login opens no blobs.db connection, and a vault with files is still reconciled after it"() {
        given: 'a user whose file a crashed chat deletion left behind, logged out'
        User withFiles = user('with-files')
        String chat = newChat(withFiles, 'doomed')
        Reply posted = postMultipart("/api/v1/chats/$chat/messages", [
                ['role', null, null, 'user'], ['content', null, null, 'x'], ['files', 'a.txt', 'text/plain', 'bytes']],
                withFiles.token)
        assert posted.status == 201: posted.text
        deleteChatRowsOnly(withFiles, chat)
        assert blobKeys(withFiles) == ["${posted.json.id}/0".toString()]
        assert post('/api/v1/auth/logout', null, withFiles.token).status == 204

        when: 'a new user logs in (registration, then login), then the first one again'
        User fresh = user('fresh')
        awaitLoginBackup(fresh.token)
        withFiles.token = login(withFiles.name, PASSWORD)
        waitUntil { blobKeys(withFiles).isEmpty() }

        then: "the new vault is open, but its blobs.db is not; the leftover of the other is gone"
        OpenDescriptors.on(userFile(fresh, VaultFile.VAULT.fileName())) > 0
        OpenDescriptors.on(userFile(fresh, VaultFile.BLOBS.fileName())) == 0

        when: 'the new user saves a file: it is stored as for any vault'
        String own = newChat(fresh)
        assert postMultipart("/api/v1/chats/$own/messages", [['role', null, null, 'user'], ['content', null, null, 'y'],
                                                              ['files', 'b.txt', 'text/plain', 'more']], fresh.token).status == 201

        then:
        blobKeys(fresh).size() == 1
    }
}
