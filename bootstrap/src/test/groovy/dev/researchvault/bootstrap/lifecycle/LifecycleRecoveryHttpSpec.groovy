package dev.researchvault.bootstrap.lifecycle

import dev.researchvault.adapter.persistence.crypto.BouncyCastleVaultKeys
import dev.researchvault.adapter.persistence.crypto.KdfConfiguration
import dev.researchvault.adapter.persistence.vault.files.FileKeys
import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.bootstrap.support.VaultHttpSpec
import dev.researchvault.domain.account.KdfAlgorithm
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.account.Password
import org.sqlite.mc.SQLiteMCSqlCipherConfig

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.Callable
import java.util.concurrent.Executors

/** What is left behind, what is counted, and what a backup carries: the vault lifecycle issue, items 5, 9, 12, 14. */
class LifecycleRecoveryHttpSpec extends VaultHttpSpec {

    static final String PASSWORD = 'correct horse battery'

    def "60 concurrent wrong-password logins: only the allowed few are evaluated, the rest answer 429"() {
        given:
        def name = uniqueName('guess')
        register(name)
        def pool = Executors.newFixedThreadPool(20)

        when:
        def statuses = pool.invokeAll((1..60).collect {
            { -> post('/api/v1/auth/login', [username: name, password: "wrong guess ${it}"]).status } as Callable<Integer>
        })*.get()

        then:
        statuses.count(401) <= 5
        statuses.count(429) >= 55
        statuses.every { it in [401, 429] }

        cleanup:
        pool.shutdown()
    }

    def "leftovers of a restore, a backup and a password change killed half-way are cleaned when the vault opens"() {
        given:
        def name = uniqueName('leftover')
        register(name)
        def token = login(name)
        def kept = post('/api/v1/research', [query: 'still here', mode: 'quick'], token).json.id
        post('/api/v1/auth/logout', null, token)
        Path user = userDirOf(name)
        Path backups = dataDir.resolve('backups').resolve(user.fileName.toString())

        and: 'what kills at various steps leave: staged copies without their commit marker, a temp backup, a journal'
        Files.write(user.resolve('vault.db.restore'), new byte[4096])
        Files.write(user.resolve('blobs.db.restore'), new byte[4096])
        Files.write(user.resolve('blobs.db.rekey-journal'), new byte[512])
        Files.createDirectories(backups.resolve('.tmp-20261125T101010101Z'))
        Files.write(backups.resolve('.tmp-20261125T101010101Z').resolve('vault.db'), new byte[4096])

        when:
        def fresh = login(name)

        then:
        get("/api/v1/research/${kept}", fresh).status == 200
        Files.list(user).withCloseable { stream -> stream.map { it.fileName.toString() }.toList() }
                .every { !it.contains('.restore') && !it.contains('.rekey') && it != 'restore.ready' }
        !Files.exists(backups.resolve('.tmp-20261125T101010101Z'))
        get('/api/v1/vault/integrity', fresh).json.vault == 'ok'
    }

    def "a restore takes a safety backup first, so it can be undone; the list says how each backup was verified"() {
        given:
        def name = uniqueName('undo')
        register(name)
        def token = login(name)
        def early = post('/api/v1/research', [query: 'early', mode: 'quick'], token).json.id
        put('/api/v1/settings/backup.max_count', [value: 5], token)
        def backup = post('/api/v1/backups', null, token).json
        def late = post('/api/v1/research', [query: 'late', mode: 'quick'], token).json.id

        when:
        def restored = post("/api/v1/backups/${backup.name}/restore", [password: PASSWORD], token)

        then:
        restored.status == 200
        restored.json.restored == backup.name
        get("/api/v1/research/${late}", token).status == 404

        and:
        def listed = get('/api/v1/backups', token).json
        def safety = listed.find { it.name == restored.json.safetyBackup }
        safety.kind == 'before-restore'
        safety.sourceIntact == true
        with(listed.find { it.name == backup.name }) {
            kind == 'manual'
            verification == 'integrity_check'
            verified == true
            verifiedAt >= backup.verifiedAt
        }

        when: 'undo'
        post("/api/v1/backups/${safety.name}/restore", [password: PASSWORD], token).status == 200

        then:
        get("/api/v1/research/${late}", token).status == 200
        get("/api/v1/research/${early}", token).status == 200
    }

    def "a backup holds the KDF row it was made under: with its password alone, stock SQLCipher opens it"() {
        given:
        def name = uniqueName('portable')
        register(name)
        def token = login(name)
        post('/api/v1/research', [query: 'photon entanglement', mode: 'quick'], token)
        def backup = post('/api/v1/backups', null, token).json.name
        Path dir = dataDir.resolve('backups').resolve(userDirOf(name).fileName.toString()).resolve(backup)

        when: 'no registry: only the backup directory and the password'
        def row = new Properties()
        Files.newBufferedReader(dir.resolve('kdf.properties')).withCloseable { row.load(it) }
        def kdf = new KdfParameters(KdfAlgorithm.valueOf(row.algorithm), row.memoryKib as int, row.iterations as int,
                row.parallelism as int, Base64.decoder.decode(row.salt as String))
        def master = Password.offered(PASSWORD).withCloseable { new BouncyCastleVaultKeys(new KdfConfiguration()).derive(it, kdf) }
        def connection = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(FileKeys.derive(master, VaultFile.VAULT))
                .build().createConnection("jdbc:sqlite:${dir.resolve('vault.db')}")
        def queries = connection.createStatement().withCloseable { statement ->
            statement.executeQuery('SELECT query FROM research').with { rows -> def all = []; while (rows.next()) { all << rows.getString(1) }; all }
        }
        connection.close()

        then:
        queries == ['photon entanglement']
        !Files.readString(dir.resolve('kdf.properties')).contains(PASSWORD)
    }
}
