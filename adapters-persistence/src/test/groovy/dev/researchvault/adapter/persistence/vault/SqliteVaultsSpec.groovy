package dev.researchvault.adapter.persistence.vault

import dev.researchvault.domain.UnauthenticatedException
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey
import spock.lang.Specification
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

/** The vault engine on real encrypted files, without Micronaut. */
class SqliteVaultsSpec extends Specification {

    @TempDir
    Path dataDir

    Map<VaultFile, AtomicInteger> migrations = new ConcurrentHashMap<>()
    SchemaMigrator countingMigrator = { VaultFile file, Connection connection ->
        migrations.computeIfAbsent(file, { new AtomicInteger() }).incrementAndGet()
        new FlywaySchemaMigrator().migrate(file, connection)
    } as SchemaMigrator

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
        engine.create(user, key)

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
        engine.create(user, randomKey())

        then:
        thrown(IllegalStateException)
        !Files.exists(engine.layout().userDir(user))

        and: 'the same user can be created afterwards'
        vaults().create(user, randomKey())
        Files.exists(vaults().layout().file(user, VaultFile.BLOBS))
    }

    def "8 concurrent unlocks of one vault open and migrate it once"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key)
        migrations.clear()
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(8)

        when:
        def results = (1..8).collect {
            pool.submit({ start.await(); engine.unlock(user, new MasterKey(key.copyBytes())) } as java.util.concurrent.Callable)
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
        engine.create(user, randomKey())
        def before = fingerprint(engine.layout().userDir(user))

        expect:
        !engine.unlock(user, randomKey())
        fingerprint(engine.layout().userDir(user)) == before
    }

    def "a wrong key is refused even while the vault is open under the right one"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key)
        engine.unlock(user, key)

        expect:
        !engine.unlock(user, randomKey())
        engine.unlock(user, key)
    }

    def "pooled connections run in WAL mode with foreign keys and a busy timeout"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key)

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
        engine.create(user, oldKey)
        writeNote(engine, user, oldKey, 'kept across the rekey')
        int staged = 0

        when:
        engine.rekey(user, oldKey, newKey, { staged++ } as Runnable)

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
        engine.create(user, key)

        when:
        engine.rekey(user, randomKey(), randomKey(), {} as Runnable)

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
        engine.create(user, oldKey)

        when:
        engine.rekey(user, oldKey, randomKey(), { throw new IllegalStateException('registry down') } as Runnable)

        then:
        thrown(IllegalStateException)
        engine.unlock(user, oldKey)
        VaultFile.values().every { !Files.exists(engine.layout().rekeyCopy(user, it)) }
    }

    def "a crash after the new parameters were recorded is finished by recovery"() {
        given: 'a rekey whose process "dies" right after staging: the copies are saved aside, then it fails'
        def engine = vaults()
        def user = UserId.random()
        def oldKey = randomKey()
        def newKey = randomKey()
        engine.create(user, oldKey)
        writeNote(engine, user, oldKey, 'survives the crash')
        Path aside = Files.createTempDirectory(dataDir, 'aside')
        try {
            engine.rekey(user, oldKey, newKey, {
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
        restarted.recoverRekey(user, true)

        then:
        restarted.unlock(user, newKey)
        !restarted.unlock(user, oldKey)
        readNote(restarted, user, newKey) == 'survives the crash'
    }

    def "copies of an unfinished rekey that was never staged are discarded"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key)
        Files.write(engine.layout().rekeyCopy(user, VaultFile.VAULT), [1, 2, 3] as byte[])

        when:
        engine.recoverRekey(user, false)

        then:
        !Files.exists(engine.layout().rekeyCopy(user, VaultFile.VAULT))
        engine.unlock(user, key)
    }

    def "eviction never closes a vault that a request is using"() {
        given: 'room for one open vault only'
        def engine = vaults([maxOpenVaults: 1])
        def alice = UserId.random()
        def bob = UserId.random()
        def aliceKey = randomKey()
        def bobKey = randomKey()
        engine.create(alice, aliceKey)
        engine.create(bob, bobKey)
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
        engine.unlock(bob, bobKey)
        bobOpened.countDown()

        then: 'her request still completes on her open vault'
        aliceResult.get(30, TimeUnit.SECONDS) >= 2
        engine.openVaults().openCount() == 1

        cleanup:
        pool.shutdown()
    }

    def "closing a vault folds its WAL into the main file"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key)
        writeNote(engine, user, key, 'in the wal')

        when:
        engine.close(user)

        then:
        def wal = Path.of(engine.layout().file(user, VaultFile.VAULT).toString() + '-wal')
        !Files.exists(wal) || Files.size(wal) == 0
    }

    def "a #kind a borrower forgot to close is closed or reset on return, so the WAL can still be checkpointed"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key)
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

    def "destroying a vault removes its files and backups"() {
        given:
        def engine = vaults()
        def user = UserId.random()
        def key = randomKey()
        engine.create(user, key)
        engine.unlock(user, key)
        Files.createDirectories(engine.layout().backupDir(user))
        Files.write(engine.layout().backupDir(user).resolve('b.db'), [1] as byte[])

        when:
        engine.destroy(user)

        then:
        !Files.exists(engine.layout().userDir(user))
        !Files.exists(engine.layout().backupDir(user))
    }

    private static void writeNote(SqliteVaults engine, UserId user, MasterKey key, String note) {
        engine.openVaults().call(user, key, {
            CurrentVault.connection(VaultFile.VAULT).withCloseable { connection ->
                connection.prepareStatement("INSERT OR REPLACE INTO vault_meta(name, value) VALUES ('note', ?)").withCloseable {
                    it.setString(1, note)
                    it.executeUpdate()
                }
            }
        } as Supplier)
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
}
