package dev.researchvault.application.account

import dev.researchvault.domain.UnauthenticatedException
import dev.researchvault.domain.account.KdfAlgorithm
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.account.UserAccount
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.account.Username
import dev.researchvault.domain.vault.MasterKey
import spock.lang.Specification

import java.time.Instant

/**
 * What every {@link SessionStore} must do with tokens and keys, on the in-memory fake the account specs use and on
 * the Caffeine store: sessions found by their token only, one key per user and generation shared by their
 * sessions and wiped with the last of them, stale generations ended or refused. Expiry is the real store's own
 * spec's (the fake has none).
 */
abstract class SessionStoreContractSpec extends Specification {

    /** The store under test, the same one for the whole feature. */
    abstract SessionStore store()

    UserAccount alice = account('alice')

    static UserAccount account(String name) {
        UserAccount.registered(UserId.random(), new Username(name), Instant.EPOCH,
                new KdfParameters(KdfAlgorithm.ARGON2ID, 1024, 1, 1, new byte[32]))
    }

    static MasterKey key(int fill) {
        new MasterKey(([fill] * 32) as byte[])
    }

    def "a session is found by its token and only by it"() {
        when:
        def session = store().open(alice, key(1), 0)

        then:
        store().find(session.token()).get().userId() == alice.id()
        store().find(session.token() + 'x').isEmpty()
        store().find('').isEmpty()
        store().find(null).isEmpty()
        !session.toString().contains(session.token())
    }

    def "isLive answers for live sessions only, for any token"() {
        given:
        def session = store().open(alice, key(1), 0)
        def other = store().open(alice, key(1), 0)

        expect:
        store().isLive(session.token())
        !store().isLive(session.token() + 'x')
        !store().isLive('')
        !store().isLive(null)

        when:
        store().close(session.token())

        then:
        !store().isLive(session.token())
        store().isLive(other.token())

        when:
        store().closeAll(alice.id())

        then:
        !store().isLive(other.token())
    }

    def "the key is shared by a user's sessions of one generation and wiped only when the last one ends"() {
        given:
        def firstKey = key(1)
        def first = store().open(alice, firstKey, 0)
        def secondKey = key(1)
        def second = store().open(alice, secondKey, 0)

        expect: 'the second login adopted the live key and wiped its own copy'
        second.key().is(firstKey)
        secondKey.isDestroyed()

        when:
        store().close(first.token())

        then:
        !firstKey.isDestroyed()
        store().find(second.token()).isPresent()

        when:
        store().close(second.token())
        store().close(second.token())

        then:
        firstKey.isDestroyed()
        store().find(second.token()).isEmpty()
    }

    def "live sessions are counted per user"() {
        given:
        def bob = account('bob')
        def first = store().open(alice, key(1), 0)
        store().open(alice, key(1), 0)
        store().open(bob, key(2), 0)

        expect:
        store().liveSessionsOf(alice.id()) == 2
        store().liveSessionsOf(bob.id()) == 1

        when:
        store().close(first.token())

        then:
        store().liveSessionsOf(alice.id()) == 1
        store().liveSessionsOf(account('carol').id()) == 0
    }

    def "closing all sessions of a user wipes the key and leaves other users alone"() {
        given:
        def bob = account('bob')
        def aliceKey = key(1)
        def bobKey = key(2)
        def aliceSessions = (1..3).collect { store().open(alice, it == 1 ? aliceKey : key(1), 0) }
        def bobSession = store().open(bob, bobKey, 0)

        when:
        store().closeAll(alice.id())
        store().closeAll(alice.id())

        then:
        aliceSessions.every { store().find(it.token()).isEmpty() }
        aliceKey.isDestroyed()
        store().find(bobSession.token()).isPresent()
        !bobKey.isDestroyed()
    }

    def "a stale key of an older generation is never shared: its sessions end and the new key replaces it"() {
        given: 'an old-password login that raced a password change left a session with the old key'
        def staleKey = key(1)
        def stale = store().open(alice, staleKey, 0)

        when: 'a login with the new password, proven for the next generation'
        def fresh = store().open(alice, key(2), 1)

        then: 'the new session holds the new key, the stale one is gone and its key wiped'
        fresh.key().sameAs(key(2))
        fresh.generation() == 1
        store().find(stale.token()).isEmpty()
        staleKey.isDestroyed()
        store().find(fresh.token()).isPresent()
    }

    def "a key of an older generation than the live sessions' is refused and wiped"() {
        given:
        def current = store().open(alice, key(2), 1)
        def late = key(1)

        when:
        store().open(alice, late, 0)

        then:
        def refused = thrown(UnauthenticatedException)
        refused.code() == 'session.invalid'
        late.isDestroyed()
        store().find(current.token()).isPresent()
    }

    def "the same generation with another key replaces the shared key rather than reusing it unchecked"() {
        given:
        def first = store().open(alice, key(1), 0)

        when:
        def second = store().open(alice, key(3), 0)

        then:
        second.key().sameAs(key(3))
        store().find(first.token()).isEmpty()
    }
}
