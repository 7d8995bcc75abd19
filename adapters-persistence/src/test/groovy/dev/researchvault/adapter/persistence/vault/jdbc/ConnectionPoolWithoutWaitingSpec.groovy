package dev.researchvault.adapter.persistence.vault.jdbc

import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager
import java.time.Duration
import org.sqlite.SQLiteConfig
import org.sqlite.SQLiteConnection
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Borrowing for a thread that must never wait: only an idle connection, at once, with SQLite's busy handler off
 * while it is out, so a locked file fails the read at once (SQLITE_BUSY) instead of sleeping on that thread.
 */
class ConnectionPoolWithoutWaitingSpec extends Specification {

    @TempDir
    Path dir

    int opened

    ConnectionPool pool(int maxConnections) {
        new ConnectionPool({ ->
            opened++
            def config = new SQLiteConfig()
            config.busyTimeout = 5_000
            DriverManager.getConnection("jdbc:sqlite:${dir.resolve('file.db')}", config.toProperties())
        } as ConnectionPool.ConnectionFactory, maxConnections, Duration.ofSeconds(1))
    }

    def "an idle connection is lent with the busy handler off, and gets it back when returned"() {
        given:
        def pool = pool(2)
        pool.borrow().close()

        when:
        def lent = pool.borrowIdleWithoutWaiting().get()

        then:
        busyTimeoutOf(lent) == 0

        when:
        lent.close()
        def next = pool.borrow()

        then: 'the same connection, waiting as before'
        opened == 1
        busyTimeoutOf(next) == 5_000

        cleanup:
        next?.close()
        pool.close()
    }

    def "with no idle connection it opens none"() {
        given:
        def pool = pool(2)

        expect:
        pool.borrowIdleWithoutWaiting().isEmpty()
        opened == 0

        cleanup:
        pool.close()
    }

    def "with every permit taken it answers empty at once, and an idle connection stays for the next borrower"() {
        given: 'one permit: its connection is out'
        def pool = pool(1)
        def out = pool.borrow()

        expect:
        pool.borrowIdleWithoutWaiting().isEmpty()

        when:
        out.close()

        then:
        pool.borrowIdleWithoutWaiting().get().withCloseable { true }

        cleanup:
        pool.close()
    }

    def "a read on a file another connection locks fails at once instead of waiting for the lock to go"() {
        given: 'another connection holds the file exclusively, and lets go of it shortly'
        def pool = pool(1)
        pool.borrow().withCloseable { Connection c -> c.createStatement().withCloseable { it.execute('create table t(x)') } }
        def locker = DriverManager.getConnection("jdbc:sqlite:${dir.resolve('file.db')}")
        // A rollback-journal file (no WAL), where a writer's exclusive lock keeps readers out until it ends.
        locker.createStatement().execute('BEGIN EXCLUSIVE')
        def release = Thread.start { Thread.sleep(300); locker.close() }

        when: 'with the busy handler on (5 s) this read would wait for the release and succeed'
        pool.borrowIdleWithoutWaiting().get().withCloseable { Connection c ->
            c.createStatement().withCloseable { it.executeQuery('select count(*) from t').withCloseable { it.next() } }
        }

        then:
        def busy = thrown(org.sqlite.SQLiteException)
        (busy.resultCode.code & 0xff) in [5, 6]

        cleanup:
        release?.join()
        pool?.close()
    }

    private static int busyTimeoutOf(Connection connection) {
        connection.unwrap(SQLiteConnection).busyTimeout
    }
}
