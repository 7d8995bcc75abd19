package dev.researchvault.adapter.persistence.vault.jdbc

import java.sql.Connection
import java.time.Duration
import spock.lang.Specification

/** A pool closes the connections that waited in it long enough, never a borrowed one, and opens new ones after. */
class ConnectionPoolIdleSpec extends Specification {

    List<Connection> opened = []
    List<Connection> closed = []

    ConnectionPool pool = new ConnectionPool({ ->
        Connection connection = Stub(Connection) {
            getAutoCommit() >> true
        }
        connection.close() >> { closed << connection }
        opened << connection
        connection
    } as ConnectionPool.ConnectionFactory, 4, Duration.ofSeconds(1), 0)

    def "idle connections are closed, borrowed ones kept, and the next borrower gets a new one"() {
        given: 'two connections, one given back and one still borrowed'
        def returned = pool.borrow()
        def borrowed = pool.borrow()
        returned.close()

        when:
        def count = pool.closeIdle(Duration.ZERO)

        then:
        count == 1
        closed == [opened[0]]

        when: 'a borrower comes after'
        def next = pool.borrow()

        then: 'it gets a freshly opened connection'
        opened.size() == 3

        cleanup:
        borrowed?.close()
        next?.close()
        pool.close()
    }

    def "connections idle for less than the threshold stay open"() {
        given:
        pool.borrow().close()

        expect:
        pool.closeIdle(Duration.ofHours(1)) == 0
        closed.isEmpty()

        when: 'the pool is used again'
        pool.borrow().close()

        then: 'the connection that waited is reused'
        opened.size() == 1

        cleanup:
        pool.close()
    }

    def "work given to closeIdle runs on each connection it closes, before closing it, and on no other"() {
        given: 'one connection idle, one borrowed'
        def returned = pool.borrow()
        def borrowed = pool.borrow()
        returned.close()
        List<Connection> worked = []
        List<Integer> closedWhenWorked = []

        when:
        def count = pool.closeIdle(Duration.ZERO) { connection ->
            worked << connection
            closedWhenWorked << closed.size()
        }

        then:
        count == 1
        worked == [opened[0]]
        closedWhenWorked == [0]
        closed == [opened[0]]

        cleanup:
        borrowed?.close()
        pool.close()
    }
}

