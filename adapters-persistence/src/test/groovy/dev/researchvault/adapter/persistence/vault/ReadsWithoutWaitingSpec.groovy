package dev.researchvault.adapter.persistence.vault

import dev.researchvault.adapter.persistence.vault.jdbc.ConnectionPool
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey
import org.sqlite.SQLiteErrorCode
import org.sqlite.SQLiteException
import java.sql.Connection
import java.sql.Statement
import java.time.Duration
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import java.util.function.Supplier
import spock.lang.AutoCleanup
import spock.lang.Specification

import static dev.researchvault.adapter.persistence.support.EncryptedFiles.randomKey

/**
 * The optimistic read path of the engine ({@link OpenVaults#attempt}) on fake connections: a read runs without
 * waiting only when the vault is open, its shared lock free and a connection idle; every other case gives up
 * before the read touched anything, and the caller runs it on the blocking path.
 */
class ReadsWithoutWaitingSpec extends Specification {

    @AutoCleanup('shutdownNow')
    def threads = Executors.newFixedThreadPool(2)

    AtomicInteger opened = new AtomicInteger()
    AtomicInteger vaultOpens = new AtomicInteger()

    OpenVault.Opener opener = { UserId user, MasterKey key ->
        vaultOpens.incrementAndGet()
        def pools = new EnumMap<VaultFile, ConnectionPool>(VaultFile)
        VaultFile.values().each { file ->
            def factory = {
                opened.incrementAndGet()
                [getAutoCommit: { true }, isWrapperFor: { Class type -> false }, createStatement: { [execute: { String sql -> false }, close: {}] as Statement },
                 close        : {}] as Connection
            } as ConnectionPool.ConnectionFactory
            pools.put(file, new ConnectionPool(factory, 2, Duration.ofSeconds(1), 0))
        }
        pools
    } as OpenVault.Opener

    VaultLocks locks = new VaultLocks(Duration.ofSeconds(30))
    @AutoCleanup
    OpenVaults vaults = new OpenVaults(new VaultConfiguration(), locks, opener)
    UserId user = UserId.random()
    MasterKey key = randomKey()

    /** A read as a use case makes one: the vault bound around one query on a pooled connection. */
    Supplier<String> read = { vaults.call(user, key, { CurrentVault.connection(VaultFile.VAULT).withCloseable { 'row' } } as Supplier) } as Supplier

    /** Opens the vault on the blocking path and leaves one idle vault.db connection, as an earlier request would. */
    void openedByAnEarlierRequest() {
        read.get()
    }

    /** Takes a lock on a thread of its own (locks belong to the thread that took them); run the answer to let go. */
    Runnable heldOnAnotherThread(Closure<VaultLocks.Held> take) {
        def holds = new CountDownLatch(1)
        def mayEnd = new CountDownLatch(1)
        def holder = Thread.start { take().withCloseable { holds.countDown(); mayEnd.await(10, TimeUnit.SECONDS) } }
        holds.await(5, TimeUnit.SECONDS)
        return { mayEnd.countDown(); holder.join(5_000) } as Runnable
    }

    def "an open vault with its lock free and a connection idle is read without waiting, and unbound afterwards"() {
        given:
        openedByAnEarlierRequest()

        when:
        def answer = vaults.attempt(read)

        then:
        answer == Optional.of('row')
        vaults.attemptsAnswered() == 1
        opened.get() == 1
        !CurrentVault.find().isPresent()

        and: 'the lease was given back: a password change finds the vault closable at once'
        vaults.retireAndAwaitClosed(user, 0)
    }

    def "a vault not open yet is left to the blocking path, which opens it"() {
        when:
        def answer = vaults.attempt(read)

        then:
        answer.isEmpty()
        vaultOpens.get() == 0
        vaults.attemptsAbandoned() == 1
        vaults.openCount() == 0
    }

    def "a password change holding the vault's lock sends the read to the blocking path"() {
        given:
        openedByAnEarlierRequest()
        def passwordChange = heldOnAnotherThread { locks.exclusive(user) }

        expect:
        vaults.attempt(read).isEmpty()

        cleanup:
        passwordChange.run()
    }

    def "a password change waiting for the lock is not overtaken: the read goes to the blocking path and queues behind it"() {
        given: 'a request holds the shared side, and a password change waits for the exclusive side'
        openedByAnEarlierRequest()
        def request = heldOnAnotherThread { locks.shared(user) }
        def passwordChange = threads.submit({ locks.exclusive(user).close() } as Callable)
        Thread.sleep(200)

        expect: 'a shared lock would be free (held by a reader), yet the read does not barge past the waiting change'
        vaults.attempt(read).isEmpty()

        cleanup:
        request.run()
        passwordChange.get(5, TimeUnit.SECONDS)
    }

    def "no idle connection sends the read to the blocking path; none is opened"() {
        given: 'the vault is open, but no connection was ever opened'
        vaults.call(user, key, { 'opened' } as Supplier)

        when:
        def answer = vaults.attempt(read)

        then:
        answer.isEmpty()
        opened.get() == 0
    }

    def "every connection borrowed sends the read to the blocking path"() {
        given: 'both connections of the pool are in use by other requests'
        openedByAnEarlierRequest()
        def inUse = new CountDownLatch(2)
        def mayEnd = new CountDownLatch(1)
        2.times {
            threads.submit({
                vaults.call(user, key, { CurrentVault.connection(VaultFile.VAULT).withCloseable { inUse.countDown(); mayEnd.await(10, TimeUnit.SECONDS) } } as Supplier)
            } as Callable)
        }
        inUse.await(5, TimeUnit.SECONDS)

        expect:
        vaults.attempt(read).isEmpty()

        cleanup:
        mayEnd.countDown()
    }

    def "a session whose key no longer opens the vault is left to the blocking path, which answers 401"() {
        given:
        openedByAnEarlierRequest()

        expect:
        vaults.attempt({ vaults.call(user, randomKey(), { 'never' } as Supplier) } as Supplier).isEmpty()
    }

    def "a retired vault (logout) is left to the blocking path"() {
        given:
        openedByAnEarlierRequest()
        vaults.retire(user)

        expect:
        vaults.attempt(read).isEmpty()
    }

    def "a write inside an attempt is abandoned before it begins"() {
        given:
        openedByAnEarlierRequest()

        expect:
        vaults.attempt({ vaults.call(user, key, { CurrentVault.writeConnection(VaultFile.VAULT).withCloseable { 'written' } } as Supplier) } as Supplier).isEmpty()
    }

    def "SQLite busy (its handler off) sends the read to the blocking path instead of answering vault.busy"() {
        given:
        openedByAnEarlierRequest()

        expect:
        vaults.attempt({
            vaults.call(user, key, { throw new RuntimeException('wrapped', new SQLiteException('locked', SQLiteErrorCode.SQLITE_BUSY)) } as Supplier)
        } as Supplier).isEmpty()
    }

    def "the read's own errors reach the caller unchanged, as on the blocking path"() {
        given:
        openedByAnEarlierRequest()

        when:
        vaults.attempt({ vaults.call(user, key, { throw new NotFoundException('research.not-found', 'no such research') } as Supplier) } as Supplier)

        then:
        def missing = thrown(NotFoundException)
        missing.code() == 'research.not-found'
    }

    def "after an attempt the thread waits as usual again"() {
        given:
        vaults.attempt(read)

        expect: 'the blocking path opens the vault and a connection'
        read.get() == 'row'
        vaultOpens.get() == 1
    }

    def "a vault served only without waiting goes back through the cache once a second, so its idle expiry counts those reads"() {
        given:
        openedByAnEarlierRequest()

        when:
        Thread.sleep(1_100)

        then: 'the first read after a second takes the blocking path, which uses the cache'
        vaults.attempt(read).isEmpty()
        read.get() == 'row'
        vaults.attempt(read) == Optional.of('row')
    }
}
