package dev.researchvault.adapter.persistence.vault.jdbc

import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.sql.Statement
import java.sql.DriverManager
import java.sql.SQLException
import org.sqlite.core.CoreStatement
import spock.lang.Specification
import spock.lang.TempDir

/** The per-connection statement cache: reuse, reset on close, bounds, and nothing left running. */
class StatementCachingConnectionSpec extends Specification {

    @TempDir
    Path dir

    Connection raw
    StatementCachingConnection connection

    def setup() {
        raw = DriverManager.getConnection("jdbc:sqlite:${dir.resolve('t.db')}")
        raw.createStatement().withCloseable {
            it.execute('PRAGMA journal_mode=WAL')
            it.execute('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)')
            it.execute("INSERT INTO note (text) VALUES ('a'), ('b'), ('c')")
        }
        connection = new StatementCachingConnection(raw, 2)
    }

    def cleanup() {
        connection.close()
    }

    static CoreStatement sqliteStatementOf(statement) {
        statement.unwrap(CoreStatement)
    }

    /** Asks for {@code sql} once and closes it: the next ask is the second, which keeps it. */
    void seen(String... sqls) {
        sqls.each { connection.prepareStatement(it).close() }
    }

    def "SQL asked for once is not kept; from the second time on it is"() {
        when:
        def once = connection.prepareStatement('SELECT 1')
        once.close()

        then: 'the first one was an ordinary statement, finalized on close'
        sqliteStatementOf(once).isClosed()
        connection.cachedStatements() == 0

        when:
        def second = connection.prepareStatement('SELECT 1')
        def compiled = sqliteStatementOf(second)
        second.close()
        def third = connection.prepareStatement('SELECT 1')

        then:
        connection.cachedStatements() == 1
        sqliteStatementOf(third).is(compiled)

        cleanup:
        third?.close()
    }

    def "an insert asked for without generated keys, as Micronaut Data asks, is kept like any statement; with them it is not"() {
        given:
        def insert = 'INSERT INTO note (text) VALUES (?)'

        when: 'asked for twice without generated keys, then a third time'
        (1..2).each { connection.prepareStatement(insert, Statement.NO_GENERATED_KEYS).close() }
        def kept = connection.prepareStatement(insert, Statement.NO_GENERATED_KEYS)
        def compiled = sqliteStatementOf(kept)
        kept.setString(1, 'd')
        kept.executeUpdate()
        kept.close()

        then: 'the same compiled statement as a plain ask gets, and the row went in'
        connection.cachedStatements() == 1
        sqliteStatementOf(connection.prepareStatement(insert).with { it.close(); it }).is(compiled)
        connection.createStatement().withCloseable { it.executeQuery('SELECT count(*) FROM note').getLong(1) } == 4

        when: 'with generated keys: an ordinary statement of the driver, every time'
        def withKeys = (1..2).collect {
            connection.prepareStatement('SELECT 2', Statement.RETURN_GENERATED_KEYS).with { it.close(); it }
        }

        then:
        withKeys.every { sqliteStatementOf(it).isClosed() }
        connection.cachedStatements() == 1
    }

    def "the same SQL asked for again gets the same compiled statement, reset and with fresh parameters"() {
        given:
        seen('SELECT text FROM note WHERE id = ?')

        when:
        def first = connection.prepareStatement('SELECT text FROM note WHERE id = ?')
        first.setInt(1, 2)
        def text = first.executeQuery().with { it.next(); it.getString(1) }
        def compiled = sqliteStatementOf(first)
        first.close()
        def second = connection.prepareStatement('SELECT text FROM note WHERE id = ?')

        then:
        text == 'b'
        first.isClosed()
        sqliteStatementOf(second).is(compiled)
        !second.isClosed()

        and: 'the old parameter did not carry over: unbound is NULL, which matches no id'
        !second.executeQuery().next()

        when:
        second.setInt(1, 3)

        then:
        second.executeQuery().with { it.next(); it.getString(1) } == 'c'

        when: 'the first handle stays closed although its statement lives on'
        first.executeQuery()

        then:
        thrown(SQLException)
    }

    def "a result set left half read is reset on close, so another connection can checkpoint the WAL to empty"() {
        given:
        seen('SELECT text FROM note ORDER BY id')
        def reader = connection.prepareStatement('SELECT text FROM note ORDER BY id')
        reader.executeQuery().next()

        when:
        reader.close()
        def writer = DriverManager.getConnection("jdbc:sqlite:${dir.resolve('t.db')}")
        def checkpoint = writer.createStatement().withCloseable { statement ->
            statement.execute("INSERT INTO note (text) VALUES ('d')")
            statement.executeQuery('PRAGMA wal_checkpoint(TRUNCATE)').with { it.next(); [it.getInt(1), it.getInt(2)] }
        }
        writer.close()

        then: 'not busy, and nothing left in the WAL'
        checkpoint == [0, 0]
        Files.size(dir.resolve('t.db-wal')) == 0
    }

    def "the same SQL while its cached statement is still open gets an ordinary statement of its own"() {
        given:
        seen('SELECT id FROM note ORDER BY id')

        when:
        def outer = connection.prepareStatement('SELECT id FROM note ORDER BY id')
        def outerRows = outer.executeQuery()
        outerRows.next()
        def inner = connection.prepareStatement('SELECT id FROM note ORDER BY id')
        def innerRows = inner.executeQuery()
        innerRows.next()
        innerRows.next()

        then:
        !sqliteStatementOf(inner).is(sqliteStatementOf(outer))
        outerRows.getInt(1) == 1
        innerRows.getInt(1) == 2

        when:
        inner.close()
        outer.close()

        then: 'only the first one is kept'
        sqliteStatementOf(inner).isClosed()
        connection.cachedStatements() == 1
    }

    def "beyond its capacity the least recently used statement is finalized"() {
        given:
        seen('SELECT 1', 'SELECT 2', 'SELECT 3')
        def a = connection.prepareStatement('SELECT 1')
        a.close()
        def b = connection.prepareStatement('SELECT 2')
        b.close()
        connection.prepareStatement('SELECT 1').close()

        when:
        connection.prepareStatement('SELECT 3').close()

        then: 'SELECT 2 was the least recently used'
        connection.cachedStatements() == 2
        sqliteStatementOf(b).isClosed()
        !sqliteStatementOf(a).isClosed()
    }

    def "a statement evicted while in use is finalized when its borrower closes it"() {
        given:
        seen('SELECT 1', 'SELECT 2', 'SELECT 3')
        def busy = connection.prepareStatement('SELECT 1')
        connection.prepareStatement('SELECT 2').close()
        connection.prepareStatement('SELECT 3').close()

        expect:
        !sqliteStatementOf(busy).isClosed()

        when:
        busy.close()

        then:
        sqliteStatementOf(busy).isClosed()
        connection.cachedStatements() == 2
    }

    def "closing the connection finalizes every kept statement"() {
        given:
        seen('SELECT 1')
        def kept = connection.prepareStatement('SELECT 1')
        kept.close()

        when:
        connection.close()

        then:
        sqliteStatementOf(kept).isClosed()
        raw.isClosed()
    }

    def "a pool with no statement cache hands out the driver's own statements"() {
        given:
        def pool = new ConnectionPool({ DriverManager.getConnection("jdbc:sqlite:${dir.resolve('t.db')}") },
                1, java.time.Duration.ofSeconds(1), 0)

        when:
        def borrowed = pool.borrow()
        def compiled = (1..3).collect {
            def statement = borrowed.prepareStatement('SELECT 1')
            statement.close()
            sqliteStatementOf(statement)
        }

        then: 'with a cache, the third would have reused the second'
        compiled.every { it.isClosed() }
        !compiled[2].is(compiled[1])

        cleanup:
        borrowed?.close()
        pool?.close()
    }

    def "a pool keeps statements across borrowers of the same connection"() {
        given:
        def pool = new ConnectionPool({ DriverManager.getConnection("jdbc:sqlite:${dir.resolve('t.db')}") },
                1, java.time.Duration.ofSeconds(1))

        when:
        pool.borrow().withCloseable { it.prepareStatement('SELECT 1').close() }
        def compiled = pool.borrow().withCloseable { sqliteStatementOf(it.prepareStatement('SELECT 1')) }
        def again = pool.borrow().withCloseable { sqliteStatementOf(it.prepareStatement('SELECT 1')) }

        then: 'the first borrower forgot to close its statement: giving the connection back reset it'
        again.is(compiled)

        cleanup:
        pool?.close()
    }
}
