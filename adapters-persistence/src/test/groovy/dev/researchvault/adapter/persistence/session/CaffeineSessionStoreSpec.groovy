package dev.researchvault.adapter.persistence.session

import com.github.benmanes.caffeine.cache.Ticker
import dev.researchvault.domain.account.KdfAlgorithm
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.account.UserAccount
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.account.Username
import dev.researchvault.domain.vault.MasterKey
import dev.researchvault.domain.UnauthenticatedException
import spock.lang.Specification

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset
import java.util.concurrent.atomic.AtomicLong

class CaffeineSessionStoreSpec extends Specification {

    FakeTime time = new FakeTime()
    List<UserId> closedVaults = []
    CaffeineSessionStore store = new CaffeineSessionStore(
            new SessionConfiguration(idleTimeout: Duration.ofMinutes(30), absoluteTimeout: Duration.ofHours(12)),
            time, time, { UserId user -> closedVaults << user })

    UserAccount alice = account('alice')

    def "a session is found by its token and only by it"() {
        when:
        def session = store.open(alice, key(1), 0)

        then:
        store.find(session.token()).get().userId() == alice.id()
        store.find(session.token() + 'x').isEmpty()
        store.find('').isEmpty()
        store.find(null).isEmpty()
        !session.toString().contains(session.token())
    }

    def "tokens are unique and carry 256 random bits"() {
        when:
        def tokens = (1..200).collect { store.open(alice, key(1), 0).token() }

        then:
        tokens.toSet().size() == 200
        tokens.every { Base64.urlDecoder.decode(it).length == 32 }
    }

    def "the key is shared by a user's sessions and wiped only when the last one ends"() {
        given:
        def firstKey = key(1)
        def first = store.open(alice, firstKey, 0)
        def secondKey = key(1)
        def second = store.open(alice, secondKey, 0)

        expect: 'the second login adopted the live key and wiped its own copy'
        second.key().is(firstKey)
        secondKey.isDestroyed()

        when:
        store.close(first.token())

        then:
        !firstKey.isDestroyed()
        closedVaults.isEmpty()

        when:
        store.close(second.token())

        then:
        firstKey.isDestroyed()
        closedVaults == [alice.id()]
    }

    def "closing all sessions of a user wipes the key and leaves other users alone"() {
        given:
        def bob = account('bob')
        def aliceKey = key(1)
        def bobKey = key(2)
        def aliceSessions = (1..3).collect { store.open(alice, it == 1 ? aliceKey : key(1), 0) }
        def bobSession = store.open(bob, bobKey, 0)

        when:
        store.closeAll(alice.id())

        then:
        aliceSessions.every { store.find(it.token()).isEmpty() }
        aliceKey.isDestroyed()
        closedVaults == [alice.id()]
        store.find(bobSession.token()).isPresent()
        !bobKey.isDestroyed()
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

    static UserAccount account(String name) {
        UserAccount.registered(UserId.random(), new Username(name), Instant.EPOCH,
                new KdfParameters(KdfAlgorithm.ARGON2ID, 1024, 1, 1, new byte[32]))
    }

    def "a stale key of an older generation is never shared: its sessions end and the new key replaces it"() {
        given: 'an old-password login that raced a password change left a session with the old key'
        def staleKey = key(1)
        def stale = store.open(alice, staleKey, 0)

        when: 'a login with the new password, proven for the next generation'
        def fresh = store.open(alice, key(2), 1)

        then: 'the new session holds the new key, the stale one is gone and its key wiped'
        fresh.key().sameAs(key(2))
        store.find(stale.token()).isEmpty()
        staleKey.isDestroyed()
        store.find(fresh.token()).isPresent()
        closedVaults.isEmpty()
    }

    def "a key of an older generation than the live sessions' is refused"() {
        given:
        def current = store.open(alice, key(2), 1)
        def late = key(1)

        when:
        store.open(alice, late, 0)

        then:
        def refused = thrown(UnauthenticatedException)
        refused.code() == 'session.invalid'
        late.isDestroyed()
        store.find(current.token()).isPresent()
    }

    def "the same generation with another key replaces the shared key rather than reusing it unchecked"() {
        given:
        def first = store.open(alice, key(1), 0)

        when:
        def second = store.open(alice, key(3), 0)

        then:
        second.key().sameAs(key(3))
        store.find(first.token()).isEmpty()
    }

    static MasterKey key(int fill) {
        new MasterKey(([fill] * 32) as byte[])
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
