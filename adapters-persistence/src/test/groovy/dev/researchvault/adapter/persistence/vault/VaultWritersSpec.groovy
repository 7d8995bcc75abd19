package dev.researchvault.adapter.persistence.vault

import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.application.vault.Transactions
import dev.researchvault.domain.UnavailableException
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * Write transactions of one vault take turns in arrival order (a fair lock per open vault) instead of
 * sleeping in SQLite's busy handler; other vaults are not held up; a turn that does not come within the
 * busy timeout is a 503 `vault.busy`.
 */
class VaultWritersSpec extends Specification {

    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start(['vault.busy-timeout': '1s'])

    @AutoCleanup('shutdownNow')
    def pool = Executors.newFixedThreadPool(4)

    Transactions getTransactions() {
        fixture.bean(Transactions)
    }

    def "a second write transaction of the same vault starts only when the first has ended"() {
        given:
        def vault = fixture.newVault()
        def events = new CopyOnWriteArrayList<String>()
        def firstInside = new CountDownLatch(1)

        when:
        def first = pool.submit {
            fixture.inVault(vault) {
                transactions.inTransaction {
                    events << 'first begins'
                    firstInside.countDown()
                    Thread.sleep(300)
                    events << 'first ends'
                }
            }
        }
        firstInside.await(5, TimeUnit.SECONDS)
        def second = pool.submit {
            fixture.inVault(vault) { transactions.inTransaction { events << 'second begins' } }
        }
        first.get(5, TimeUnit.SECONDS)
        second.get(5, TimeUnit.SECONDS)

        then:
        events == ['first begins', 'first ends', 'second begins']
    }

    def "another user's vault writes meanwhile"() {
        given:
        def alice = fixture.newVault()
        def bob = fixture.newVault()
        def aliceInside = new CountDownLatch(1)
        def release = new CountDownLatch(1)

        when:
        def slow = pool.submit {
            fixture.inVault(alice) { transactions.inTransaction { aliceInside.countDown(); release.await(5, TimeUnit.SECONDS) } }
        }
        aliceInside.await(5, TimeUnit.SECONDS)
        def bobWrote = pool.submit({ fixture.inVault(bob) { transactions.inTransaction { 'bob wrote' } } } as Callable).get(2, TimeUnit.SECONDS)
        release.countDown()
        slow.get(5, TimeUnit.SECONDS)

        then:
        bobWrote == 'bob wrote'
    }

    def "a transaction whose turn does not come within the busy timeout is refused as vault.busy, and nested ones re-enter"() {
        given:
        def vault = fixture.newVault()
        def inside = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        def holder = pool.submit {
            fixture.inVault(vault) {
                transactions.inTransaction { transactions.inTransaction { inside.countDown(); release.await(5, TimeUnit.SECONDS) } }
            }
        }
        inside.await(5, TimeUnit.SECONDS)

        when:
        pool.submit({ fixture.inVault(vault) { transactions.inTransaction { 'never' } } } as Callable).get(5, TimeUnit.SECONDS)

        then:
        def failure = thrown(java.util.concurrent.ExecutionException)
        failure.cause instanceof UnavailableException
        (failure.cause as UnavailableException).code() == 'vault.busy'

        cleanup:
        release.countDown()
        holder?.get(5, TimeUnit.SECONDS)
    }
}
