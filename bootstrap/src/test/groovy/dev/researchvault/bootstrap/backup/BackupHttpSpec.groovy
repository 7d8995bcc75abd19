package dev.researchvault.bootstrap.backup

import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.bootstrap.account.AccountHttpSpec
import dev.researchvault.bootstrap.support.VaultHttpSpec
import org.sqlite.mc.SQLiteMCSqlCipherConfig

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

/** Backups, restore, integrity, stats and vacuum over HTTP, on real encrypted files. */
class BackupHttpSpec extends VaultHttpSpec {

    static final String PASSWORD = 'correct horse battery'

    def "a backup made now is listed with its figures and without any server path"() {
        given:
        def token = newUser('bk')

        when:
        def created = post('/api/v1/backups', null, token)
        def listed = get('/api/v1/backups', token)

        then:
        created.status == 201
        created.json.name ==~ /\d{8}T\d{9}Z(-\d+)?/
        created.json.verified == true
        created.json.sizeBytes > 0
        listed.status == 200
        listed.json*.name.contains(created.json.name)
        !listed.text.contains(dataDir.toString())
    }

    def "restore brings back what the backup held, after the password is proven again"() {
        given:
        def name = uniqueName('restore')
        register(name)
        def token = login(name)
        awaitLoginBackup(token)
        def kept = post('/api/v1/research', [query: 'kept by the backup', mode: 'quick'], token).json
        def backup = post('/api/v1/backups', null, token).json
        def later = post('/api/v1/research', [query: 'written after the backup', mode: 'quick'], token).json
        delete("/api/v1/research/${kept.id}", token)

        expect: 'a wrong password changes nothing'
        AccountHttpSpec.passwordMismatch(post("/api/v1/backups/${backup.name}/restore", [password: 'not the password'], token))
        get("/api/v1/research/${kept.id}", token).status == 404

        when:
        def restored = post("/api/v1/backups/${backup.name}/restore", [password: PASSWORD], token)

        then:
        restored.status == 200
        get("/api/v1/research/${kept.id}", token).status == 200
        get("/api/v1/research/${later.id}", token).status == 404
        get('/api/v1/vault/integrity', token).json == [vault: 'ok', blobs: 'ok', details: []]
    }

    def "unknown and hostile backup names answer 404 problem+json"() {
        given:
        def token = newUser('bkname')

        expect:
        [get('/api/v1/backups', token).status] == [200]
        ['20990101T000000000Z', '..', '%2e%2e', '.tmp-x', 'a%2Fb'].every { name ->
            def deleted = delete("/api/v1/backups/${name}", token)
            def restored = post("/api/v1/backups/${name}/restore", [password: PASSWORD], token)
            deleted.status == 404 && deleted.problem && restored.status == 404 && restored.problem
        }
    }

    def "deleting a backup removes it from the list"() {
        given:
        def token = newUser('bkdel')
        awaitLoginBackup(token)
        def backup = post('/api/v1/backups', null, token).json

        expect:
        delete("/api/v1/backups/${backup.name}", token).status == 204
        !get('/api/v1/backups', token).json*.name.contains(backup.name)
        delete("/api/v1/backups/${backup.name}", token).status == 404
    }

    def "a password change leaves exactly one backup, readable only with the new key"() {
        given:
        def name = uniqueName('bkpw')
        register(name)
        def token = login(name)
        post('/api/v1/backups', null, token)
        post('/api/v1/backups', null, token)
        def oldKey = files.fileKey(name, PASSWORD, VaultFile.VAULT)

        when:
        post('/api/v1/auth/password', [currentPassword: PASSWORD, newPassword: 'the new secret'], token)
        def newToken = login(name, 'the new secret')
        def backups = get('/api/v1/backups', newToken).json
        Path copy = dataDir.resolve('backups').resolve(files.registryRow(name).id as String).resolve(backups[0].name as String).resolve('vault.db')

        then:
        backups.size() == 1
        opens(copy, files.fileKey(name, 'the new secret', VaultFile.VAULT))
        !opens(copy, oldKey)
    }

    def "20 concurrent backup requests of one user all succeed and leave one backup"() {
        given:
        def token = newUser('bkmany')
        post('/api/v1/research', [query: 'something to copy', mode: 'quick'], token)
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(20)

        when:
        def replies = (1..20).collect { pool.submit({ start.await(); post('/api/v1/backups', null, token) } as Callable) }
        start.countDown()
        def statuses = replies*.get()*.status

        then:
        statuses.every { it == 201 }
        get('/api/v1/backups', token).json.size() == 1

        cleanup:
        pool.shutdown()
    }

    def "a login takes one automatic backup in the background, and only one a day"() {
        given:
        def name = uniqueName('bkauto')
        register(name)

        when:
        def token = login(name)
        def appeared = waitFor { get('/api/v1/backups', token).json.size() == 1 }
        login(name)
        sleep(500)

        then:
        appeared
        get('/api/v1/backups', token).json.size() == 1
    }

    def "stats count rows per table and vacuum answers the bytes it reclaimed"() {
        given:
        def token = newUser('bkstats')
        def research = (1..30).collect { post('/api/v1/research', [query: "q$it" * 50, mode: 'quick'], token).json }
        research.each { delete("/api/v1/research/${it.id}", token) }

        when:
        def stats = get('/api/v1/vault/stats', token)
        def vacuum = post('/api/v1/vault/vacuum', null, token)

        then:
        stats.status == 200
        stats.json.files['vault.db'].rowCounts.research == 0
        stats.json.files['vault.db'].sizeBytes > 0
        stats.json.files.containsKey('blobs.db')
        vacuum.status == 200
        vacuum.json.bytesReclaimed >= 0
        get('/api/v1/vault/integrity', token).json.vault == 'ok'
    }

    private static boolean opens(Path file, byte[] rawKey) {
        try {
            def connection = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(rawKey).build().createConnection("jdbc:sqlite:${file}")
            try {
                connection.createStatement().executeQuery('SELECT count(*) FROM sqlite_master').next()
            } finally {
                connection.close()
            }
        } catch (java.sql.SQLException wrongKey) {
            false
        }
    }

    private static boolean waitFor(Closure<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 15_000
        while (System.currentTimeMillis() < deadline) {
            if (condition()) {
                return true
            }
            sleep(100)
        }
        false
    }
}
