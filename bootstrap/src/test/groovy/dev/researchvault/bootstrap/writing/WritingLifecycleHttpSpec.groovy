package dev.researchvault.bootstrap.writing

import java.nio.file.Files

/** Backups, restores, password changes and account deletion cover the writing tables. */
class WritingLifecycleHttpSpec extends WritingHttpSupport {

    static final String PASSWORD = 'correct horse battery'

    def "a backup holds the drafts as they were; a restore brings back their versions and references"() {
        given:
        String token = newUser('backup')
        Map session = newSession(token)
        Map draft = newDraft(token, session.id, [content: 'version one'])
        post("/api/v1/drafts/${draft.id}/references", [citation: 'kept citation'], token)
        Reply backup = post('/api/v1/backups', null, token)
        assert backup.status == 201

        when: 'the draft moves on and loses its reference, then the backup is restored'
        assert put("/api/v1/drafts/${draft.id}", [content: 'version two', baseVersion: 1], token).status == 200
        String ref = get("/api/v1/drafts/${draft.id}/references", token).json[0].id
        assert delete("/api/v1/drafts/${draft.id}/references/$ref", token).status == 204
        Reply restored = post("/api/v1/backups/${backup.json.name}/restore", [password: PASSWORD], token)

        then:
        restored.status == 200
        with(get("/api/v1/drafts/${draft.id}", token).json) {
            version == 1
            content == 'version one'
        }
        get("/api/v1/drafts/${draft.id}/references", token).json*.citation == ['kept citation']
        get("/api/v1/writing-sessions/${session.id}", token).status == 200
    }

    def "a password change keeps every draft version readable under the new password"() {
        given:
        String name = uniqueName('rekey')
        register(name, PASSWORD)
        String token = login(name, PASSWORD)
        Map draft = newDraft(token, newSession(token).id, [content: 'before the change'])
        put("/api/v1/drafts/${draft.id}", [content: 'still before', baseVersion: 1], token)

        when:
        assert post('/api/v1/auth/password', [currentPassword: PASSWORD, newPassword: 'another good password'], token).status == 204
        String fresh = login(name, 'another good password')

        then:
        get("/api/v1/drafts/${draft.id}/versions/1", fresh).json.content == 'before the change'
        get("/api/v1/drafts/${draft.id}", fresh).json.content == 'still before'
    }

    def "deleting the account removes its drafts with its files"() {
        given:
        String name = uniqueName('gone')
        register(name, PASSWORD)
        String token = login(name, PASSWORD)
        newDraft(token, newSession(token).id, [content: 'to be forgotten'])
        def dir = userDirOf(name)
        assert Files.exists(dir)

        when:
        Reply deleted = delete('/api/v1/account', token, [password: PASSWORD])

        then:
        deleted.status == 204
        !Files.exists(dir)
        post('/api/v1/auth/login', [username: name, password: PASSWORD]).status == 401
    }
}
