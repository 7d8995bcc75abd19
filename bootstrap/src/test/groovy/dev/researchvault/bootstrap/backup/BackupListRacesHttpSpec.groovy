package dev.researchvault.bootstrap.backup

import dev.researchvault.bootstrap.support.VaultHttpSpec
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.atomic.AtomicBoolean

/**
 * Listing backups takes no lock: it runs beside the retention that removes old backups after every new one (at
 * each login, in the background) and beside the account's deletion. A listing answers the backups as whole ones,
 * each verified with its size, or the 401 of an ended session; never a 500, never a backup half removed.
 */
class BackupListRacesHttpSpec extends VaultHttpSpec {

    static final String PASSWORD = 'correct horse battery'
    static final int LISTERS = 3

    @Override
    Map<String, Object> extraProperties() {
        ['vault.lock-timeout': '10s']
    }

    /** Lists the user's backups from {@link #LISTERS} threads while {@code change} runs; answers every reply. */
    List<Reply> listWhile(String token, Closure change) {
        def stop = new AtomicBoolean()
        def replies = new ConcurrentLinkedQueue<Reply>()
        def listers = (1..LISTERS).collect {
            Thread.start {
                while (!stop.get()) {
                    replies << get('/api/v1/backups', token)
                }
            }
        }
        try {
            change()
        } finally {
            stop.set(true)
            listers*.join(30_000)
        }
        replies.toList()
    }

    static void isWholeListOrEnded(Reply reply) {
        if (reply.status == 401) {
            assert reply.problem && reply.json.code in ['session.required', 'session.invalid']
            return
        }
        assert reply.status == 200: "a listing answered ${reply}"
        reply.json.each { backup ->
            assert backup.verified == true && backup.sizeBytes > 0: "a listing showed a backup half removed: ${backup}"
        }
    }

    def "listings while retention removes the previous backup after each new one see whole backups only"() {
        given: 'a user who keeps one backup'
        def name = uniqueName('list-retention')
        register(name, PASSWORD)
        String token = login(name, PASSWORD)
        awaitLoginBackup(token)
        assert put('/api/v1/settings/backup.max_count', [value: 1], token).status == 200
        post('/api/v1/research', [query: 'something to back up', mode: 'quick'], token)

        when:
        def created = []
        def replies = listWhile(token) {
            12.times { created << post('/api/v1/backups', null, token) }
        }

        then:
        created.every { it.status == 201 }
        replies.size() > 0
        replies.each { isWholeListOrEnded(it) }
        get('/api/v1/backups', token).json*.name == [created.last().json.name]
    }

    def "listings during the account's deletion answer the backups or 401, and nothing of the user is left"() {
        given:
        def name = uniqueName('list-delete')
        register(name, PASSWORD)
        String token = login(name, PASSWORD)
        awaitLoginBackup(token)
        3.times { assert post('/api/v1/backups', null, token).status == 201 }
        def userDir = userDirOf(name)

        when:
        def deleted = null
        def replies = listWhile(token) {
            Thread.sleep(50)
            deleted = delete('/api/v1/account', token, [password: PASSWORD])
        }

        then:
        deleted.status == 204
        replies.each { isWholeListOrEnded(it) }
        get('/api/v1/backups', token).status == 401
        !userDir.toFile().exists()
    }
}
