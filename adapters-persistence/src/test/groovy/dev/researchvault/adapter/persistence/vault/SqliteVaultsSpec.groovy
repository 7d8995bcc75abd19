package dev.researchvault.adapter.persistence.vault

import dev.researchvault.adapter.persistence.search.SearchBacklog
import dev.researchvault.adapter.persistence.vault.files.KdfRowFile
import dev.researchvault.adapter.persistence.vault.jdbc.StatementCachingConnection
import dev.researchvault.domain.UnauthenticatedException
import dev.researchvault.application.vault.VaultsContractSpec
import dev.researchvault.domain.account.KdfAlgorithm
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey
import dev.researchvault.domain.vault.Vaults
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import java.util.function.Supplier

import static dev.researchvault.adapter.persistence.support.EncryptedFiles.*

/** The vault contract, and what only real encrypted files show, on the engine without Micronaut. */
class SqliteVaultsSpec extends VaultsContractSpec {

    @TempDir
    Path dataDir

    Map<VaultFile, AtomicInteger> migrations = new ConcurrentHashMap<>()
    SchemaMigrator countingMigrator = { VaultFile file, Connection connection ->
        migrations.computeIfAbsent(file, { new AtomicInteger() }).incrementAndGet()
        new FlywaySchemaMigrator().migrate(file, connection)
    } as SchemaMigrator

    SqliteVaults contractEngine

    @Override
    Vaults engine() {
        contractEngine ?: (contractEngine = vaults())
    }

    SqliteVaults vaults(Map<String, Object> settings = [:], SchemaMigrator migrator = countingMigrator) {
        def configuration = new VaultConfiguration(dataDir: dataDir.toString())
        settings.each { name, value -> configuration."$name" = value }
        new SqliteVaults(configuration, migrator)
    }

    def "a new vault is two encrypted files that open with stock SQLCipher 4 settings and the raw file key"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()

        when:
        engine.create(user, key, TEST_KDF)

        then:
        VaultFile.values().every { file ->
            Path path = engine.layout().file(user, file)
            Files.size(path) > 0 && !startsWithPlainHeader(path) && opens(path, key, file)
        }

        and: 'neither file opens with another key, nor with the other file\'s key'
        !opens(engine.layout().file(user, VaultFile.VAULT), randomKey(), VaultFile.VAULT)
        !opens(engine.layout().file(user, VaultFile.VAULT), key, VaultFile.BLOBS)
    }

    def "a registration killed after the first file leaves no file behind"() {
        given: 'a migrator that fails on the second file, as a crash or full disk would'
        def engine = vaults([:], { VaultFile file, Connection connection ->
            if (file == VaultFile.BLOBS) {
                throw new IllegalStateException('simulated failure after vault.db')
            }
            new FlywaySchemaMigrator().migrate(file, connection)
        } as SchemaMigrator)
        def user = UserId.random()

        when:
        engine.create(user, randomKey(), TEST_KDF)

        then:
        thrown(IllegalStateException)
        !Files.exists(engine.layout().userDir(user))

        and: 'the same user can be created afterwards'
        vaults().create(user, randomKey(), TEST_KDF)
        Files.exists(vaults().layout().file(user, VaultFile.BLOBS))
    }

    def "8 concurrent unlocks of one vault open and migrate it once"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key, TEST_KDF)
        migrations.clear()
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(8)

        when:
        def results = (1..8).collect {
            pool.submit({ start.await(); engine.unlock(user, new MasterKey(key.copyBytes()), TEST_KDF) } as java.util.concurrent.Callable)
        }
        start.countDown()

        then:
        results*.get().every()
        migrations[VaultFile.VAULT].get() == 1
        migrations[VaultFile.BLOBS].get() == 1
        engine.openVaults().openCount() == 1

        cleanup:
        pool.shutdown()
    }

    def "a wrong key does not unlock the vault and changes none of its files"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        engine.create(user, randomKey(), TEST_KDF)
        def before = fingerprint(engine.layout().userDir(user))

        expect:
        !engine.unlock(user, randomKey(), TEST_KDF)
        fingerprint(engine.layout().userDir(user)) == before
    }

    def "a wrong key after an unclean stop leaves the WAL in place, and the right key then reads every row"() {
        given: 'a vault whose committed rows live only in its WAL, as after SIGKILL'
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key, TEST_KDF)
        def crashed = crashWithRowsInWal(engine.layout(), user, key, 2000)
        def before = fingerprint(engine.layout().userDir(user)).findAll { !it.key.endsWith('-shm') }

        expect: 'the WAL is large: the rows are nowhere else'
        Files.size(engine.layout().userDir(user).resolve('vault.db-wal')) > 1_000_000

        when: 'a fresh engine (a restarted server) is offered a wrong key, then the right one'
        def restarted = vaults()
        def wrong = restarted.unlock(user, randomKey(), TEST_KDF)

        then: 'nothing was written: not the main file, not the WAL (the -shm index may be rebuilt from the WAL)'
        !wrong
        fingerprint(engine.layout().userDir(user)).findAll { !it.key.endsWith('-shm') } == before

        and:
        restarted.unlock(user, key, TEST_KDF)
        rowsIn(restarted.layout(), user, key) == 2000

        cleanup:
        crashed?.close()
    }

    /** Commits rows with automatic checkpoints off and never closes the connection: the state SIGKILL leaves. */
    private static Connection crashWithRowsInWal(VaultLayout layout, UserId user, MasterKey key, int rows) {
        def connection = open(layout.file(user, VaultFile.VAULT), key, VaultFile.VAULT)
        connection.createStatement().withCloseable {
            it.execute('PRAGMA journal_mode=WAL')
            it.execute('PRAGMA wal_autocheckpoint=0')
            it.execute('CREATE TABLE crash_rows(id INTEGER PRIMARY KEY, body TEXT)')
        }
        connection.prepareStatement('INSERT INTO crash_rows(body) VALUES (?)').withCloseable { insert ->
            rows.times { insert.setString(1, 'x' * 500); insert.executeUpdate() }
        }
        // Copy the files while the writer is still open, as a killed process leaves them; the copy is the
        // vault from now on (the original writer would checkpoint when the JVM closes it).
        def snapshot = Files.createTempDirectory('crashed')
        layout.userDir(user).toFile().listFiles().each { Files.copy(it.toPath(), snapshot.resolve(it.name)) }
        connection.close()
        layout.userDir(user).toFile().listFiles().each { Files.delete(it.toPath()) }
        snapshot.toFile().listFiles().each { Files.move(it.toPath(), layout.userDir(user).resolve(it.name)) }
        null
    }

    private static int rowsIn(VaultLayout layout, UserId user, MasterKey key) {
        open(layout.file(user, VaultFile.VAULT), key, VaultFile.VAULT).withCloseable { connection ->
            connection.createStatement().withCloseable { it.executeQuery('SELECT count(*) FROM crash_rows').with { next(); getInt(1) } }
        }
    }

    def "a wrong key is refused even while the vault is open under the right one"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key, TEST_KDF)
        engine.unlock(user, key, TEST_KDF)

        expect:
        !engine.unlock(user, randomKey(), TEST_KDF)
        engine.unlock(user, key, TEST_KDF)
    }

    def "pooled connections run in WAL mode with foreign keys and a busy timeout"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key, TEST_KDF)

        when:
        def pragmas = engine.openVaults().call(user, key, {
            CurrentVault.connection(VaultFile.VAULT).withCloseable { connection ->
                ['journal_mode', 'foreign_keys', 'busy_timeout', 'synchronous'].collectEntries { pragma ->
                    connection.createStatement().withCloseable { statement ->
                        def result = statement.executeQuery("PRAGMA ${pragma}")
                        result.next()
                        [(pragma): result.getString(1)]
                    }
                }
            }
        } as Supplier)

        then:
        pragmas == [journal_mode: 'wal', foreign_keys: '1', busy_timeout: '10000', synchronous: '2']
    }

    def "re-keying: the old key stops opening both files, the new one opens them, data intact"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def oldKey = randomKey()
        def newKey = randomKey()
        engine.create(user, oldKey, TEST_KDF)
        writeNote(engine, user, oldKey, 'kept across the rekey')
        int staged = 0

        when:
        engine.rekey(user, oldKey, newKey, KDF, { staged++ } as Runnable)

        then:
        staged == 1
        VaultFile.values().every { file ->
            def path = engine.layout().file(user, file)
            opens(path, newKey, file) && !opens(path, oldKey, file)
        }
        readNote(engine, user, newKey) == 'kept across the rekey'
        VaultFile.values().every { !Files.exists(engine.layout().rekeyCopy(user, it)) }
    }

    def "re-keying with a wrong current key is refused and leaves the vault as it was"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key, TEST_KDF)

        when:
        engine.rekey(user, randomKey(), randomKey(), KDF, {} as Runnable)

        then:
        thrown(UnauthenticatedException)
        opens(engine.layout().file(user, VaultFile.VAULT), key, VaultFile.VAULT)
        VaultFile.values().every { !Files.exists(engine.layout().rekeyCopy(user, it)) }
    }

    def "a rekey that fails before the new parameters are recorded keeps the old key"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def oldKey = randomKey()
        engine.create(user, oldKey, TEST_KDF)

        when:
        engine.rekey(user, oldKey, randomKey(), KDF, { throw new IllegalStateException('registry down') } as Runnable)

        then:
        thrown(IllegalStateException)
        engine.unlock(user, oldKey, TEST_KDF)
        VaultFile.values().every { !Files.exists(engine.layout().rekeyCopy(user, it)) }
    }

    def "a crash after the new parameters were recorded is finished by recovery"() {
        given: 'a rekey whose process "dies" right after staging: the copies are saved aside, then it fails'
        def engine = vaults()
        def user = UserId.random()
        def oldKey = randomKey()
        def newKey = randomKey()
        engine.create(user, oldKey, TEST_KDF)
        writeNote(engine, user, oldKey, 'survives the crash')
        Path aside = Files.createTempDirectory(dataDir, 'aside')
        try {
            engine.rekey(user, oldKey, newKey, KDF, {
                VaultFile.values().each { Files.copy(engine.layout().rekeyCopy(user, it), aside.resolve(it.fileName())) }
                throw new IllegalStateException('killed')
            } as Runnable)
        } catch (IllegalStateException killed) {
            // the simulated death
        }

        and: 'as after a restart: the copies are where the dead process left them, the registry says "staged"'
        VaultFile.values().each { Files.copy(aside.resolve(it.fileName()), engine.layout().rekeyCopy(user, it)) }
        def restarted = vaults()

        when:
        restarted.recoverInterrupted(user, true)

        then:
        restarted.unlock(user, newKey, TEST_KDF)
        !restarted.unlock(user, oldKey, TEST_KDF)
        readNote(restarted, user, newKey) == 'survives the crash'
    }

    def "copies of an unfinished rekey that was never staged are discarded"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key, TEST_KDF)
        Files.write(engine.layout().rekeyCopy(user, VaultFile.VAULT), [1, 2, 3] as byte[])

        when:
        engine.recoverInterrupted(user, false)

        then:
        !Files.exists(engine.layout().rekeyCopy(user, VaultFile.VAULT))
        engine.unlock(user, key, TEST_KDF)
    }

    def "eviction never closes a vault that a request is using"() {
        given: 'room for one open vault only'
        def engine = vaults([maxOpenVaults: 1])
        def alice = UserId.random()
        def bob = UserId.random()
        def aliceKey = randomKey()
        def bobKey = randomKey()
        engine.create(alice, aliceKey, TEST_KDF)
        engine.create(bob, bobKey, TEST_KDF)
        def aliceInside = new CountDownLatch(1)
        def bobOpened = new CountDownLatch(1)
        def pool = Executors.newSingleThreadExecutor()

        when: 'alice is mid-request while bob opens his vault and pushes hers out of the cache'
        def aliceResult = pool.submit({
            engine.openVaults().call(alice, aliceKey, {
                aliceInside.countDown()
                bobOpened.await(30, TimeUnit.SECONDS)
                CurrentVault.connection(VaultFile.VAULT).withCloseable { connection ->
                    connection.createStatement().withCloseable { it.executeQuery('SELECT count(*) FROM vault_meta').getInt(1) }
                }
            } as Supplier)
        } as java.util.concurrent.Callable)
        aliceInside.await(30, TimeUnit.SECONDS)
        engine.unlock(bob, bobKey, TEST_KDF)
        bobOpened.countDown()

        then: 'her request still completes on her open vault'
        aliceResult.get(30, TimeUnit.SECONDS) >= 2
        engine.openVaults().openCount() == 1

        cleanup:
        pool.shutdown()
    }

    def "a re-key waits for a vault that left the cache but is still kept open by a download, or gives up busy"() {
        given: 'a download keeps the vault open past its request; then the user logs out, so the vault is retired'
        def engine = vaults([lockTimeout: java.time.Duration.ofMillis(300)])
        def user = UserId.random()
        def key = randomKey()
        def newKey = randomKey()
        engine.create(user, key, TEST_KDF)
        CurrentVault.Retained download = engine.openVaults().call(user, key, { CurrentVault.retain() } as Supplier)
        engine.close(user)

        when: 'a re-key comes while the download is still read'
        engine.rekey(user, key, newKey, KDF, {} as Runnable)

        then: 'it does not swap files under the open connections: busy, and the old key still opens the vault'
        def busy = thrown(dev.researchvault.domain.UnavailableException)
        busy.code() == 'vault.busy'
        opens(engine.layout().file(user, VaultFile.VAULT), key, VaultFile.VAULT)

        when: 'the download ends, and the re-key is tried again'
        download.close()
        engine.rekey(user, key, newKey, KDF, {} as Runnable)

        then:
        opens(engine.layout().file(user, VaultFile.VAULT), newKey, VaultFile.VAULT)
    }

    def "closing a vault folds its WAL into the main file"() {
        given:
        def (SqliteVaults engine, UserId user) = vaultWithNote('in the wal')

        when:
        engine.close(user)

        then:
        walFolded(engine, user)
    }

    def "closing an open vault's idle connections folds the WAL; the vault stays open and the next request reads on"() {
        given:
        def (SqliteVaults engine, UserId user, MasterKey key) = vaultWithNote('before the idle close')
        def opened = migrations.values()*.get().sum()

        when:
        def closed = engine.openVaults().closeIdleConnections(java.time.Duration.ZERO)

        then: 'its one connection closed as the last one of vault.db: WAL checkpointed and gone'
        closed == 1
        walFolded(engine, user)
        engine.openVaults().openCount() == 1

        and: 'the next request reads on a new connection, and the vault was not opened again'
        readNote(engine, user, key) == 'before the idle close'
        migrations.values()*.get().sum() == opened
        engine.openVaults().retirements() == 0
    }

    def "beyond vault.max-idle-connections the least recently used idle connections close first, whichever vault holds them"() {
        given: 'five vaults, each with a note in its WAL, used one after the other'
        def engine = vaults()
        def users = (1..5).collect { UserId.random() }
        def keys = users.collectEntries { [(it): randomKey()] }
        users.each { user ->
            engine.create(user, keys[user], TEST_KDF)
            writeNote(engine, user, keys[user], "note of ${user}")
            Thread.sleep(5)
        }
        def opened = migrations.values()*.get().sum()

        when: 'the sweep runs with room for two idle connections, none idle long enough for the configured time'
        def closed = engine.openVaults().closeIdleConnections(java.time.Duration.ofHours(1), 2)

        then: 'the three used longest ago closed theirs (their WAL folded, the last connection of the file closed)'
        closed == 3
        users.take(3).every { walFolded(engine, it) }
        users.drop(3).every { !walFolded(engine, it) }

        and: 'every vault stays open, and reads on: the evicted ones on a new connection, without opening again'
        engine.openVaults().openCount() == 5
        users.every { readNote(engine, it, keys[it]) == "note of ${it}".toString() }
        migrations.values()*.get().sum() == opened
        engine.openVaults().retirements() == 0

        when: 'within the bound'
        def none = engine.openVaults().closeIdleConnections(java.time.Duration.ofHours(1), 5)

        then:
        none == 0
    }

    def "an idle vault.db connection applies the search queue, then merges the segments, before it closes (V11, V12)"() {
        given: 'a chat and twelve messages, each written in a transaction of its own; six of them applied each alone'
        def (SqliteVaults engine, UserId user, MasterKey key) = vaultWithNote('merging')
        vaultSql(engine, user, key, "INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'Reading group', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        (1..12).each { n ->
            vaultSql(engine, user, key, "INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m$n', 'c1', 'user', 'note $n on entanglement', '[]', '2026-11-02T00:00:00.000Z')")
            if (n <= 6) {
                applyQueue(engine, user, key)
            }
        }
        assert vaultCount(engine, user, key, 'SELECT count(DISTINCT segid) FROM search_text_idx') >= 6
        assert vaultCount(engine, user, key, 'SELECT count(*) FROM search_pending') == 6

        when:
        def closed = engine.openVaults().closeIdleConnections(java.time.Duration.ZERO)

        then: 'applied and merged, then closed; every message is found'
        closed == 1
        walFolded(engine, user)
        vaultCount(engine, user, key, 'SELECT count(*) FROM search_pending') == 0
        vaultCount(engine, user, key, 'SELECT count(DISTINCT segid) FROM search_text_idx') < 4
        vaultCount(engine, user, key, "SELECT count(*) FROM search_text WHERE search_text MATCH 'entanglement'") == 12
    }

    def "a vault in use applies a search queue of a batch or more in the background, and its connection stays as idle as it was"() {
        given: 'a chat, then messages in one transaction: #queued ids queued'
        def (SqliteVaults engine, UserId user, MasterKey key) = vaultWithNote('in use')
        vaultSql(engine, user, key, "INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'Reading group', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        vaultSql(engine, user, key, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${queued - 1})"
                + " INSERT INTO chat_message (id, chat_id, role, content, files, created_at)"
                + " SELECT 'm' || i, 'c1', 'user', 'note ' || i || ' on entanglement', '[]', '2026-11-02T00:00:00.000Z' FROM n")
        assert vaultCount(engine, user, key, 'SELECT count(*) FROM search_pending') == queued
        def lastUse = System.nanoTime()

        when: 'the upkeep runs while the connection has been idle for less than the idle time'
        Thread.sleep(300)
        def closed = engine.openVaults().closeIdleConnections(java.time.Duration.ofHours(1))

        then: 'nothing closed; a batch or more applied, less left for a search'
        closed == 0
        countWithoutUse(engine, user, key, 'SELECT count(*) FROM search_pending') == (applied ? 0 : queued)
        countWithoutUse(engine, user, key, "SELECT count(*) FROM search_text WHERE search_text MATCH 'entanglement'") == (applied ? queued - 1 : 0)

        and: 'the connection is still idle since its last request, not since the upkeep'
        engine.openVaults().closeIdleConnections(java.time.Duration.ofNanos(System.nanoTime() - lastUse - 100_000_000)) == 1

        where:
        queued                  | applied
        SearchBacklog.BATCH - 1 | false
        SearchBacklog.BATCH     | true
        SearchBacklog.BATCH * 3 | true
    }

    def "a #kind a borrower forgot to close is closed or reset on return, so the WAL can still be checkpointed"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key, TEST_KDF)
        writeNote(engine, user, key, 'in the wal')

        when: 'a careless borrower leaves a result set open, and the next borrower checkpoints'
        engine.openVaults().call(user, key, {
            def connection = CurrentVault.connection(VaultFile.VAULT)
            leaveOpen(connection).next()
            connection.close()
        } as Supplier)
        def checkpoint = engine.openVaults().call(user, key, {
            CurrentVault.connection(VaultFile.VAULT).withCloseable { connection ->
                connection.createStatement().withCloseable { statement ->
                    def row = statement.executeQuery('PRAGMA wal_checkpoint(TRUNCATE)')
                    row.next()
                    row.getInt(1)
                }
            }
        } as Supplier)

        then: 'not busy, and no SQLITE_LOCKED from a statement still running on that connection'
        checkpoint == 0

        where: 'a prepared statement is kept for reuse (StatementCachingConnection), a plain one closed'
        kind                 | leaveOpen
        'statement'          | { it.createStatement().executeQuery('SELECT * FROM vault_meta') }
        'prepared statement' | { it.prepareStatement('SELECT * FROM vault_meta').executeQuery() }
    }

    def "re-keying re-encrypts every backup too, and records the new KDF row in each"() {
        given: 'a backup directory holding copies of the vault under the old key'
        def engine = vaults()
        def user = UserId.random()
        def oldKey = randomKey()
        def newKey = randomKey()
        engine.create(user, oldKey, TEST_KDF)
        writeNote(engine, user, oldKey, 'in the backup')
        engine.close(user)
        def backup = engine.layout().backupDir(user).resolve('20261125T000000000Z')
        Files.createDirectories(backup)
        VaultFile.values().each { Files.copy(engine.layout().file(user, it), backup.resolve(it.fileName())) }

        when:
        engine.rekey(user, oldKey, newKey, KDF, {} as Runnable)

        then:
        VaultFile.values().every { opens(backup.resolve(it.fileName()), newKey, it) && !opens(backup.resolve(it.fileName()), oldKey, it) }
        KdfRowFile.read(backup.resolve(KdfRowFile.NAME)) == Optional.of(KDF)
        KdfRowFile.read(engine.layout().userDir(user).resolve(KdfRowFile.NAME)) == Optional.of(KDF)
        Files.list(backup).withCloseable { it.noneMatch { it.fileName.toString().contains('.rekey') } }
    }

    def "files without an account are quarantined, never deleted, unless they are the server's own half-done work"() {
        given:
        def engine = vaults()
        def lost = UserId.random()
        def registering = UserId.random()
        def deleting = UserId.random()
        [lost, registering, deleting].each { engine.create(it, randomKey(), TEST_KDF) }
        engine.creationCommitted(lost)
        engine.creationCommitted(deleting)
        engine.beginDeletion(deleting)
        Files.createDirectories(engine.layout().backupDir(lost).resolve('20261125T000000000Z'))

        expect:
        engine.settleOrphan(lost) == Vaults.OrphanOutcome.QUARANTINED
        engine.settleOrphan(registering) == Vaults.OrphanOutcome.REMOVED_OWN_LEFTOVER
        engine.settleOrphan(deleting) == Vaults.OrphanOutcome.REMOVED_OWN_LEFTOVER

        and: 'the lost vault and its backups are kept, aside'
        !Files.exists(engine.layout().userDir(lost))
        def aside = Files.list(engine.layout().quarantineDir()).withCloseable { it.toList() }
        aside.size() == 1
        aside[0].fileName.toString().endsWith(lost.toString())
        Files.exists(aside[0].resolve('users').resolve('vault.db'))
        Files.isDirectory(aside[0].resolve('backups').resolve('20261125T000000000Z'))
        [registering, deleting].every { !Files.exists(engine.layout().userDir(it)) }
    }

    def "destroying a vault removes its files and backups"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key, TEST_KDF)
        engine.unlock(user, key, TEST_KDF)
        Files.createDirectories(engine.layout().backupDir(user))
        Files.write(engine.layout().backupDir(user).resolve('b.db'), [1] as byte[])

        when:
        engine.destroy(user)

        then:
        !Files.exists(engine.layout().userDir(user))
        !Files.exists(engine.layout().backupDir(user))
    }

    def "a request whose session predates the deletion answers session.invalid, and recreates no file"() {
        given: 'a request that resolved its session, then queued behind the deletion for the vault'
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key, TEST_KDF)
        engine.unlock(user, key, TEST_KDF)
        engine.destroy(user)

        when:
        writeNote(engine, user, key, 'after the deletion')

        then: 'the 401 of an ended session (LIFECYCLE.md invariant 3), not the 503 of a damaged vault'
        thrown(UnauthenticatedException)
        !Files.exists(engine.layout().userDir(user))
        engine.openVaults().openCount() == 0
    }

    /** A new vault, open, with {@code note} written (still in its WAL): [engine, user, key]. */
    private List<Object> vaultWithNote(String note) {
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key, TEST_KDF)
        writeNote(engine, user, key, note)
        [engine, user, key]
    }

    private static boolean walFolded(SqliteVaults engine, UserId user) {
        def wal = Path.of(engine.layout().file(user, VaultFile.VAULT).toString() + '-wal')
        !Files.exists(wal) || Files.size(wal) == 0
    }

    private static void writeNote(SqliteVaults engine, UserId user, MasterKey key, String note) {
        VaultSql.update(engine, user, key, "INSERT OR REPLACE INTO vault_meta(name, value) VALUES ('note', ?)", note)
    }

    private static String readNote(SqliteVaults engine, UserId user, MasterKey key) {
        engine.openVaults().call(user, key, {
            CurrentVault.connection(VaultFile.VAULT).withCloseable { connection ->
                connection.createStatement().withCloseable {
                    def result = it.executeQuery("SELECT value FROM vault_meta WHERE name = 'note'")
                    result.next() ? result.getString(1) : null
                }
            }
        } as Supplier)
    }

    private static void vaultSql(SqliteVaults engine, UserId user, MasterKey key, String sql) {
        VaultSql.update(engine, user, key, sql)
    }

    /** Applies the vault's search queue as a search does: all of it, under the writer turn. */
    private static void applyQueue(SqliteVaults engine, UserId user, MasterKey key) {
        engine.openVaults().call(user, key, {
            CurrentVault.writeConnection(VaultFile.VAULT).withCloseable { SearchBacklog.applyAll(it) }
        } as Supplier)
    }

    /**
     * A count read on a connection of its own, opened on the file beside the vault's pool: reading through the
     * pool would make its connection used again.
     */
    private static long countWithoutUse(SqliteVaults engine, UserId user, MasterKey key, String sql) {
        open(engine.layout().file(user, VaultFile.VAULT), key, VaultFile.VAULT).withCloseable { connection ->
            connection.createStatement().withCloseable { it.executeQuery(sql).with { it.next(); it.getLong(1) } }
        }
    }

    private static long vaultCount(SqliteVaults engine, UserId user, MasterKey key, String sql) {
        engine.openVaults().call(user, key, {
            CurrentVault.connection(VaultFile.VAULT).withCloseable { connection ->
                connection.createStatement().withCloseable { it.executeQuery(sql).with { it.next(); it.getLong(1) } }
            }
        } as Supplier)
    }
}

