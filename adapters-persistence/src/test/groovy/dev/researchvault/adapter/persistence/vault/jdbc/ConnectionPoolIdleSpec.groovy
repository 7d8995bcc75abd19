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

    def "work given to withIdle runs on the most recently returned idle connection, which goes back as idle as it was"() {
        given: 'one connection idle since a moment ago'
        pool.borrow().close()
        Thread.sleep(50)
        List<Connection> worked = []

        when:
        def ran = pool.withIdle { worked << it }

        then: 'the work ran on it; it is idle since before the work, and still the one a borrower reuses'
        ran
        worked == [opened[0]]
        pool.closeIdle(Duration.ofMillis(40)) == 1
        closed == [opened[0]]

        cleanup:
        pool.close()
    }

    def "every borrow and every piece of withIdle work is a use of the pool's connections (PointReads' stamps)"() {
        given:
        pool.borrow().close()
        long quiet = pool.uses().quiescentStamp()

        when: 'background work on the idle connection, then a borrow held'
        pool.withIdle { }
        def held = pool.borrow()

        then: 'two more uses, the second still in progress'
        pool.uses().begunSince(quiet)
        pool.uses().quiescentStamp() == ConnectionUses.IN_USE

        when:
        held.close()

        then:
        pool.uses().quiescentStamp() == quiet + 2

        cleanup:
        pool.close()
    }

    def "a borrow inside readUncounted is not a use"() {
        given:
        long quiet = pool.uses().quiescentStamp()

        when:
        ConnectionPool.readUncounted { pool.borrow().close() }

        then:
        pool.uses().quiescentStamp() == quiet

        cleanup:
        pool.close()
    }

    def "withIdle opens nothing and runs nothing when no connection is idle, or no permit free"() {
        given:
        def small = new ConnectionPool({ -> Stub(Connection) { getAutoCommit() >> true } } as ConnectionPool.ConnectionFactory,
                1, Duration.ofMillis(200), 0)

        expect: 'nothing idle yet'
        !pool.withIdle { assert false }
        opened.isEmpty()

        when: 'the only permit of a one-connection pool is lent, and a borrower waits for it'
        small.borrow().close()
        def lent = small.borrow()
        def waiter = Thread.start { try { small.borrow().close() } catch (ignored) { } }
        while (!small.hasWaitingBorrowers() && waiter.alive) {
            Thread.sleep(1)
        }

        then:
        small.hasWaitingBorrowers()
        !small.withIdle { assert false }

        cleanup:
        lent?.close()
        waiter?.join()
        small.close()
        pool.close()
    }

    def "the idle connections' since-times are reported newest first, without the borrowed ones"() {
        given: 'three connections given back one after the other, and one still borrowed'
        def connections = (1..4).collect { pool.borrow() }
        def before = System.nanoTime()
        connections.take(3).each { it.close() }
        def after = System.nanoTime()

        when:
        List<Long> since = []
        pool.idleSince { long time -> since << time }

        then:
        since.size() == 3
        since == since.sort(false).reverse()
        since.every { it >= before && it <= after }

        when: 'one is borrowed again'
        def again = pool.borrow()
        List<Long> left = []
        pool.idleSince { long time -> left << time }

        then: 'the most recently returned went out'
        left == since.drop(1)

        cleanup:
        again?.close()
        connections[3].close()
        pool.close()
    }
}
