package dev.researchvault.adapter.persistence.session

import com.github.benmanes.caffeine.cache.Ticker
import dev.researchvault.domain.account.UserId
import dev.researchvault.application.account.SessionStore
import dev.researchvault.application.account.SessionStoreContractSpec

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset
import java.util.concurrent.atomic.AtomicLong

/** The session store contract on the Caffeine store, plus what only it has: expiry, random tokens, vaults closed. */
class CaffeineSessionStoreSpec extends SessionStoreContractSpec {

    FakeTime time = new FakeTime()
    List<UserId> closedVaults = []
    CaffeineSessionStore store = new CaffeineSessionStore(
            new SessionConfiguration(idleTimeout: Duration.ofMinutes(30), absoluteTimeout: Duration.ofHours(12)),
            time, time, { UserId user -> closedVaults << user })

    @Override
    SessionStore store() {
        store
    }

    def "the vault is closed when the user's last session ends, by close or by closeAll, and not before"() {
        given:
        def first = store.open(alice, key(1), 0)
        def second = store.open(alice, key(1), 0)
        def bob = account('bob')
        store.open(bob, key(2), 0)

        when:
        store.close(first.token())

        then:
        closedVaults.isEmpty()

        when:
        store.close(second.token())
        store.closeAll(bob.id())

        then:
        closedVaults == [alice.id(), bob.id()]
    }

    def "tokens are unique and carry 256 random bits"() {
        when:
        def tokens = (1..200).collect { store.open(alice, key(1), 0).token() }

        then:
        tokens.toSet().size() == 200
        tokens.every { Base64.urlDecoder.decode(it).length == 32 }
    }

    def "an idle session expires and its key is wiped"() {
        given:
        def aliceKey = key(1)
        def session = store.open(alice, aliceKey, 0)

        when:
        time.advance(Duration.ofMinutes(31))
        store.liveSessions()

        then:
        store.find(session.token()).isEmpty()
        aliceKey.isDestroyed()
    }

    def "asking whether a session is live is not activity: an open event stream does not keep it from idling out"() {
        given:
        def session = store.open(alice, key(1), 0)

        when: 'asked every 10 minutes, never used'
        2.times {
            time.advance(Duration.ofMinutes(10))
            assert store.isLive(session.token())
        }
        time.advance(Duration.ofMinutes(11))

        then:
        !store.isLive(session.token())
        store.find(session.token()).isEmpty()
    }

    def "activity keeps a session alive, but never past its absolute expiry"() {
        given:
        def session = store.open(alice, key(1), 0)

        when: 'used every 20 minutes for 11 hours'
        33.times {
            time.advance(Duration.ofMinutes(20))
            assert store.find(session.token()).isPresent()
        }
        time.advance(Duration.ofMinutes(61))

        then:
        store.find(session.token()).isEmpty()
    }

    /** One source of time for the store's clock and for Caffeine's ticker. */
    static class FakeTime extends Clock implements Ticker {
        final AtomicLong nanos = new AtomicLong()

        void advance(Duration duration) { nanos.addAndGet(duration.toNanos()) }

        @Override
        long read() { nanos.get() }

        @Override
        Instant instant() { Instant.parse('2026-11-23T00:00:00Z').plusNanos(nanos.get()) }

        @Override
        ZoneId getZone() { ZoneOffset.UTC }

        @Override
        Clock withZone(ZoneId zone) { this }
    }
}
