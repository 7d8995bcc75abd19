package dev.researchvault.adapter.persistence.vault

import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.locks.ReentrantReadWriteLock
import java.util.function.Supplier
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import static dev.researchvault.adapter.persistence.support.EncryptedFiles.*

/**
 * The server-wide bound on idle connections (vault.max-idle-connections) closes connections of vaults other than the
 * one a request uses, at any moment: random schedules of writers and readers on four real encrypted vaults, password
 * changes of those vaults, and the sweep with room for none to two idle connections. After every read, every note
 * acknowledged before it began is there; at the end, every vault opens from disk with its last key and holds every
 * acknowledged note.
 */
class IdleConnectionBudgetRaceSpec extends Specification {

    @TempDir
    Path dataDir

    @AutoCleanup('shutdownNow')
    def threads = Executors.newFixedThreadPool(5)

    def "requests, password changes and the bounded sweep on four vaults (seed #seed)"() {
        given:
        def engine = newEngine()
        def users = (1..4).collect { UserId.random() }
        Map<UserId, MasterKey> keys = new ConcurrentHashMap<>(users.collectEntries { [(it): randomKey()] })
        // Requests hold a user's read side, a password change its write side: as the server's sessions do, no request
        // runs with a key that has just been replaced. The sweep takes neither: it is the racing party here.
        Map<UserId, ReentrantReadWriteLock> sessions = users.collectEntries { [(it): new ReentrantReadWriteLock()] }
        Map<UserId, Set<String>> acknowledged = users.collectEntries { [(it): ConcurrentHashMap.newKeySet()] }
        users.each { engine.create(it, keys[it], TEST_KDF) }
        def counter = new AtomicInteger()
        def misses = new CopyOnWriteArrayList<String>()
        def sweeps = new AtomicInteger()
        def closed = new AtomicInteger()
        def done = new AtomicBoolean()

        when:
        def workers = (1..3).collect { worker ->
            threads.submit {
                def random = new Random(seed * 31 + worker)
                200.times {
                    def user = users[random.nextInt(users.size())]
                    def session = sessions[user].readLock()
                    session.lock()
                    try {
                        if (random.nextBoolean()) {
                            def note = "note-${counter.incrementAndGet()}".toString()
                            writeNote(engine, user, keys[user], note)
                            acknowledged[user] << note
                        } else {
                            def before = acknowledged[user].toSet()
                            def missing = before - notes(engine, user, keys[user])
                            if (missing) {
                                misses << "${user}: ${missing}".toString()
                            }
                        }
                    } finally {
                        session.unlock()
                    }
                }
            }
        }
        def sweep = threads.submit {
            def random = new Random(seed)
            while (!done.get()) {
                closed.addAndGet(engine.openVaults().closeIdleConnections(Duration.ofHours(1), random.nextInt(3)))
                sweeps.incrementAndGet()
                Thread.sleep(random.nextInt(3))
            }
        }
        def passwordChanges = threads.submit {
            def random = new Random(seed * 7)
            6.times {
                Thread.sleep(random.nextInt(40))
                def user = users[random.nextInt(users.size())]
                def session = sessions[user].writeLock()
                session.lock()
                try {
                    def newKey = randomKey()
                    engine.rekey(user, keys[user], newKey, TEST_KDF, {} as Runnable)
                    keys[user] = newKey
                } finally {
                    session.unlock()
                }
            }
        }
        workers*.get(2, TimeUnit.MINUTES)
        passwordChanges.get(2, TimeUnit.MINUTES)
        done.set(true)
        sweep.get(1, TimeUnit.MINUTES)

        then: 'no read missed an acknowledged note, and the sweep did close connections of vaults in use'
        misses.isEmpty()
        closed.get() > 0

        when: 'the engine is closed and the files opened again by a new one'
        engine.openVaults().close()
        def reopened = newEngine()

        then:
        users.every { notes(reopened, it, keys[it]).containsAll(acknowledged[it]) }

        cleanup:
        reopened?.openVaults()?.close()

        where:
        seed << [1, 2, 3]
    }

    private SqliteVaults newEngine() {
        new SqliteVaults(new VaultConfiguration(dataDir: dataDir.toString()), new FlywaySchemaMigrator())
    }

    private static void writeNote(SqliteVaults engine, UserId user, MasterKey key, String note) {
        VaultSql.update(engine, user, key, "INSERT INTO vault_meta(name, value) VALUES (?, 'acknowledged')", note)
    }

    private static Set<String> notes(SqliteVaults engine, UserId user, MasterKey key) {
        engine.openVaults().call(user, key, {
            CurrentVault.connection(VaultFile.VAULT).withCloseable { connection ->
                connection.createStatement().withCloseable {
                    def result = it.executeQuery("SELECT name FROM vault_meta WHERE name LIKE 'note-%'")
                    def names = [] as Set<String>
                    while (result.next()) {
                        names << result.getString(1)
                    }
                    names
                }
            }
        } as Supplier)
    }
}
