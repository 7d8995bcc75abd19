package dev.researchvault.adapter.persistence.vault

import dev.researchvault.adapter.persistence.vault.jdbc.ConnectionPool
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey
import java.sql.Connection
import java.sql.ResultSet
import java.sql.Statement
import java.time.Duration
import java.util.concurrent.Callable
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicLong
import java.util.function.LongSupplier
import java.util.function.Supplier
import spock.lang.AutoCleanup
import spock.lang.Specification

import static dev.researchvault.adapter.persistence.support.EncryptedFiles.randomKey

/**
 * Closing the idle connections of an open vault (vault.close-idle-connections-after) against the vault's own close:
 * a password change (or restore, or deletion) waits for the vault to close, and the vault does not finish closing
 * while one of its idle connections is still being closed, because closing the last connection of a WAL file
 * checkpoints it and deletes the WAL, which must never happen to a file that is being re-keyed.
 */
class IdleConnectionsSpec extends Specification {

    @AutoCleanup('shutdownNow')
    def threads = Executors.newFixedThreadPool(2)

    List<String> events = new CopyOnWriteArrayList<>()
    CountDownLatch closing = new CountDownLatch(1)
    CountDownLatch mayClose = new CountDownLatch(1)

    /** Pools whose connections block in close() until {@link #mayClose}, and which log what closed. */
    OpenVault.Opener opener = { UserId user, MasterKey key ->
        def pools = new EnumMap<VaultFile, ConnectionPool>(VaultFile)
        VaultFile.values().each { file ->
            def factory = new ConnectionPool.ConnectionFactory() {
                Connection open() {
                    [getAutoCommit  : { true },
                     createStatement: { [execute     : { String sql -> events << "${file}: ${sql}".toString(); false },
                                         executeQuery: { String sql -> [next: { true }, getLong: { int column -> 0L }, close: {}] as ResultSet },
                                         close       : {}] as Statement },
                     close          : {
                         closing.countDown()
                         mayClose.await(30, TimeUnit.SECONDS)
                         events << "connection of ${file} closed".toString()
                     }] as Connection
                }

                void close() {
                    events << "${file} closed".toString()
                }
            }
            pools.put(file, new ConnectionPool(factory, 4, Duration.ofSeconds(1), 0))
        }
        pools
    } as OpenVault.Opener

    OpenVaults vaults = new OpenVaults(new VaultConfiguration(), new VaultLocks(Duration.ofSeconds(30)), opener)
    UserId user = UserId.random()
    MasterKey key = randomKey()

    def "a password change that comes while an idle connection is being closed waits until it is closed"() {
        given: 'an open vault whose one vault.db connection is idle'
        vaults.call(user, key, { CurrentVault.connection(VaultFile.VAULT).close() } as Supplier)

        when: 'the idle connection is being closed, and the password change closes the vault meanwhile'
        def sweep = threads.submit({ vaults.closeIdleConnections(Duration.ZERO) } as Callable)
        closing.await(30, TimeUnit.SECONDS)
        def passwordChange = threads.submit({ vaults.retireAndAwaitClosed(user, 30_000); events << 'vault closed' } as Callable)
        Thread.sleep(300)

        then: 'the password change is still waiting'
        !passwordChange.isDone()

        when:
        mayClose.countDown()
        passwordChange.get(30, TimeUnit.SECONDS)

        then: 'the connection was closed before the vault finished closing'
        sweep.get(30, TimeUnit.SECONDS) == 1
        events.indexOf('connection of VAULT closed') < events.indexOf('VAULT closed')
        events.last() == 'vault closed'
        vaults.idleConnectionsClosed() == 1
    }

    def "the vault stays open after its idle connections were closed, and the next request opens a new one"() {
        given:
        mayClose.countDown()
        vaults.call(user, key, { CurrentVault.connection(VaultFile.VAULT).close() } as Supplier)

        when:
        def count = vaults.closeIdleConnections(Duration.ZERO)

        then:
        count == 1
        vaults.openCount() == 1
        vaults.retirements() == 0

        when: 'the same key is used again'
        def answered = vaults.call(user, key, { CurrentVault.connection(VaultFile.VAULT).withCloseable { 'read' } } as Supplier)

        then: 'without reopening the vault'
        answered == 'read'
        !events.contains('VAULT closed')

        cleanup:
        vaults.close()
    }

    def "a vault that is closing is left alone"() {
        given:
        mayClose.countDown()
        vaults.call(user, key, { CurrentVault.connection(VaultFile.VAULT).close() } as Supplier)
        vaults.retire(user)

        expect:
        vaults.closeIdleConnections(Duration.ZERO) == 0
    }

    def "an idle vault.db connection merges the search index's segments before it is closed, a blobs.db one does not"() {
        given:
        mayClose.countDown()
        vaults.call(user, key, {
            CurrentVault.connection(VaultFile.VAULT).close()
            CurrentVault.connection(VaultFile.BLOBS).close()
        } as Supplier)

        when:
        def count = vaults.closeIdleConnections(Duration.ZERO)

        then: 'the merge ran on the vault.db connection, then it was closed'
        count == 2
        def merge = events.findIndexOf { it.startsWith('VAULT: ') && it.contains("'merge'") }
        merge >= 0
        merge < events.indexOf('connection of VAULT closed')
        events.every { !it.startsWith('BLOBS: ') }

        cleanup:
        vaults.close()
    }

    def "a sweep that closed connections trims the native heap at once, one that closed none does not"() {
        given: 'a sweep that keeps no idle connection, and a trim whose clock the spec moves'
        mayClose.countDown()
        def clock = new AtomicLong()
        int trims = 0
        def trim = new NativeHeapTrim({ -> vaults.idleConnectionsClosed() } as LongSupplier, Duration.ofSeconds(1),
                { -> trims++; true } as NativeHeapTrim.Trimmer, { -> clock.get() } as LongSupplier)
        def sweep = new IdleConnections(vaults, trim,
                new VaultConfiguration(closeIdleConnectionsAfter: Duration.ofHours(1), maxIdleConnections: 0))
        vaults.call(user, key, { CurrentVault.connection(VaultFile.VAULT).close() } as Supplier)

        when:
        sweep.closeIdle()

        then: 'closed beyond the bound, and trimmed without waiting for the trim\'s own poll'
        vaults.idleConnectionsClosed() == 1
        trims == 1

        when: 'a later sweep finds nothing to close'
        clock.addAndGet(Duration.ofSeconds(5).toNanos())
        sweep.closeIdle()

        then:
        trims == 1

        cleanup:
        vaults.close()
    }
}
