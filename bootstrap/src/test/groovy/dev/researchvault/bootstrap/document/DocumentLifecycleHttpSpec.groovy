package dev.researchvault.bootstrap.document

import java.nio.file.Files

/**
 * Backups, restores, password changes and account deletion work on whole files; documents live in two of them
 * (rows in vault.db, bytes in blobs.db), so each of these must carry or remove both, with no code of their own.
 */
class DocumentLifecycleHttpSpec extends DocumentHttpSupport {

    def 'a restore brings back the documents, groups, text, chunks and bytes the backup held, and only those'() {
        given:
        User ann = user('doc-restore')
        Map kept = newDocument(ann, 'kept by the backup', 'kept bytes')
        Map group = newGroup(ann, 'kept group')
        put("/api/v1/document-groups/${group.id}/documents/${kept.id}", null, ann.token)
        put("/api/v1/documents/${kept.id}/text", [text: 'kept text'], ann.token)
        put("/api/v1/documents/${kept.id}/chunks", [[index: 0, text: 'kept chunk', startOffset: 0, endOffset: 4]], ann.token)
        Map backup = post('/api/v1/backups', null, ann.token).json as Map
        Map later = newDocument(ann, 'written after the backup')
        assert delete("/api/v1/documents/${kept.id}", ann.token).status == 204
        assert keysOf(ann, kept.id as String).isEmpty()

        when:
        Reply restored = post("/api/v1/backups/${backup.name}/restore", [password: PASSWORD], ann.token)

        then:
        restored.status == 200
        get("/api/v1/documents/${kept.id}", ann.token).json.groups*.name == ['kept group']
        get("/api/v1/documents/${kept.id}/file", ann.token).text == 'kept bytes'
        get("/api/v1/documents/${kept.id}/chunks", ann.token).json.items*.text == ['kept chunk']
        get("/api/v1/documents/${later.id}", ann.token).status == 404
        keysOf(ann, later.id as String).isEmpty()
        get('/api/v1/vault/integrity', ann.token).json == [vault: 'ok', blobs: 'ok', details: []]
    }

    def 'after a password change the documents and their bytes read back under the new password'() {
        given:
        User bea = user('doc-password')
        Map doc = newDocument(bea, 'survives a re-key', 'secret bytes')

        when:
        assert post('/api/v1/auth/password', [currentPassword: PASSWORD, newPassword: 'a brand new secret'], bea.token).status == 204
        String token = login(bea.name, 'a brand new secret')

        then:
        get("/api/v1/documents/${doc.id}", token).json.title == 'survives a re-key'
        get("/api/v1/documents/${doc.id}/file", token).text == 'secret bytes'
        get('/api/v1/vault/integrity', token).json.blobs == 'ok'
    }

    def 'deleting the account removes the documents with every file of the user'() {
        given:
        User cid = user('doc-bye')
        newDocument(cid, 'goes with the account')
        def userDir = userDirOf(cid.name)
        assert Files.exists(userDir.resolve('blobs.db'))

        when:
        Reply reply = delete('/api/v1/account', cid.token, [password: PASSWORD])

        then:
        reply.status == 204
        !Files.exists(userDir)

        when: 'the name registered again is a new, empty library'
        register(cid.name, PASSWORD)
        String token = login(cid.name, PASSWORD)

        then:
        get('/api/v1/documents', token).json.total == 0
        get('/api/v1/document-groups', token).json.total == 0
    }

    def 'bytes left without a row (an upload or deletion cut short) are reconciled away; live documents keep theirs'() {
        given:
        User dee = user('doc-leftovers')
        Map live = newDocument(dee, 'live', 'live bytes')
        Map doomed = newDocument(dee, 'doomed', 'doomed bytes')
        // What a crash between a deletion's commit and the deletion of the bytes leaves: the row gone, the bytes not.
        def connection = connect(dee, dev.researchvault.adapter.persistence.vault.VaultFile.VAULT)
        try {
            connection.createStatement().execute('PRAGMA busy_timeout = 10000')
            connection.createStatement().execute('PRAGMA foreign_keys = ON')
            assert connection.createStatement().executeUpdate("DELETE FROM document WHERE id = '${doomed.id}'") >= 1 // the row counter's trigger counts too
        } finally {
            connection.close()
        }
        assert keysOf(dee, doomed.id as String).size() == 1

        when:
        Reply vacuum = post('/api/v1/vault/vacuum', null, dee.token)

        then:
        vacuum.json.blobsRemoved == 1
        keysOf(dee, doomed.id as String).isEmpty()
        get("/api/v1/documents/${live.id}/file", dee.token).text == 'live bytes'
    }
}
