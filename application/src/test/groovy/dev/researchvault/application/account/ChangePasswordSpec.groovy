package dev.researchvault.application.account

import dev.researchvault.domain.UnavailableException

/**
 * Password changes: both KDFs outside the lock; under it the session must be current, every session ends,
 * the files are re-keyed and the key generation moves on, so the old key never opens a session again.
 */
class ChangePasswordSpec extends AccountFixture {

    def "a change re-keys the files, completes the new parameters, ends every session, moves the generation on"() {
        given:
        def alice = registered('alice')
        registered('bob')
        def session = loggedIn('alice')
        def otherTab = loggedIn('alice')
        def bobs = loggedIn('bob')

        when:
        changePassword(session)

        then:
        opens('alice', NEW_PASSWORD)
        !opens('alice', PASSWORD)
        account('alice').kdf() != alice.kdf()
        account('alice').pendingKdf().isEmpty()
        lifecycle.generation(alice.id()) == 1

        and: 'alice has no session left, and no key of hers is left unwiped; bob is untouched'
        sessions.of(alice.id()).isEmpty()
        session.key().isDestroyed()
        otherTab.key().isDestroyed()
        sessions.find(bobs.token()).isPresent()
        everyKeyWipedButSessions()

        and: 'listeners heard of the new key while the lock was held'
        events.passwordChanges*.user == [alice.id()]
        events.passwordChanges[0].key == keys.keyOf(NEW_PASSWORD, account('alice').kdf()).copyBytes()
        events.underLock[-1]

        and:
        outcome { loggedIn('alice', PASSWORD) } == 'account.invalid-credentials'
        outcome { loggedIn('alice', NEW_PASSWORD) } == 'ok'
    }

    def "a wrong current password is a 401 and changes nothing"() {
        given:
        def alice = registered()
        def session = loggedIn()

        when:
        def answer = outcome { changePassword(session, 'wrong password') }

        then:
        answer == 'account.password-mismatch'
        opens('alice', PASSWORD)
        account().kdf() == alice.kdf()
        lifecycle.generation(alice.id()) == 0
        sessions.find(session.token()).isPresent()
        events.passwordChanges.isEmpty()
        everyKeyWipedButSessions()
    }

    def "a new password breaking the length rule is refused before any KDF"() {
        given:
        registered()
        def session = loggedIn()
        def derivations = keys.derivations

        expect:
        outcome { changePassword(session, PASSWORD, 'short') } == 'account.invalid-password'
        keys.derivations == derivations
        opens('alice', PASSWORD)
    }

    def "wrong current passwords count towards the throttle"() {
        given:
        registered()
        def session = loggedIn()
        3.times { outcome { changePassword(session, 'wrong password') } }

        expect:
        outcome { changePassword(session) } == 'account.too-many-attempts'
        opens('alice', PASSWORD)
    }

    def "of two changes racing from two sessions, the one that takes the lock second finds its session stale"() {
        given:
        def alice = registered()
        def tabA = loggedIn()
        def tabB = loggedIn()
        def first = heldAt(keys.gates, 'kdf:first new password') {
            changePassword(tabA, PASSWORD, 'first new password')
        }

        when: 'tab B changes the password while tab A derives its new key'
        changePassword(tabB)
        first.release()

        then:
        first.outcome() == 'session.invalid'
        opens('alice', NEW_PASSWORD)
        !opens('alice', 'first new password')
        lifecycle.generation(alice.id()) == 1
        events.passwordChanges.size() == 1
        everyKeyWipedButSessions()
    }

    def "a change's KDF runs outside the lock: a login of the same user gets in meanwhile, and the change ends it"() {
        given:
        registered()
        def session = loggedIn()
        def change = heldAt(keys.gates, "kdf:${heldPassword}") { changePassword(session) }

        when:
        def meanwhile = loggedIn('alice', PASSWORD, '10.0.0.2')

        then:
        sessions.find(meanwhile.token()).isPresent()

        when:
        change.release()

        then:
        change.outcome() == 'ok'
        sessions.live().isEmpty()
        meanwhile.key().isDestroyed()

        where:
        heldPassword << [PASSWORD, NEW_PASSWORD]
    }

    def "a login that derived the old key before the change committed opens no session"() {
        given:
        registered()
        def session = loggedIn()
        def login = heldAt(keys.gates, "kdf:${PASSWORD}") { loggedIn('alice', PASSWORD, '10.0.0.2') }

        when:
        changePassword(session)
        login.release()

        then:
        login.outcome() == 'account.invalid-credentials'
        sessions.live().isEmpty()
        everyKeyWipedButSessions()
    }

    def "a login waiting for the lock while the files are re-keyed gets in with the new password only"() {
        given:
        registered()
        def session = loggedIn()
        def change = heldAt(vaults.gates, 'rekey') { changePassword(session) }
        def login = inBackground { loggedIn('alice', password, '10.0.0.2') }.awaitWaitingForLock()

        when:
        change.release()

        then:
        change.outcome() == 'ok'
        login.outcome() == answer
        sessions.live().every { vaults.opensWith(it.userId(), it.key()) }
        everyKeyWipedButSessions()

        where:
        password     | answer
        PASSWORD     | 'account.invalid-credentials'
        NEW_PASSWORD | 'ok'
    }

    def "a session opened before the change is ended by it"() {
        given:
        registered()
        def earlier = loggedIn('alice', PASSWORD, '10.0.0.2')
        def session = loggedIn()

        when:
        changePassword(session)

        then:
        sessions.find(earlier.token()).isEmpty()
        earlier.key().isDestroyed()
    }

    def "a change that failed after staging its key parameters is finished by a login that read the account before"() {
        given: 'the change is held as it starts re-keying; its swap will fail after the first file'
        def alice = registered()
        def session = loggedIn()
        vaults.swapFailure = new UnavailableException('storage.io', 'an I/O error')
        def change = heldAt(vaults.gates, 'rekey') { changePassword(session) }

        and: 'a login read the account, no change pending yet, and waits for the lock'
        def login = inBackground { loggedIn('alice', NEW_PASSWORD, '10.0.0.2') }.awaitWaitingForLock()

        when:
        change.release()

        then: 'the change failed with its new parameters staged and one file swapped'
        change.outcome() == 'storage.io'

        and: 'the login finished the change the registry had staged instead of discarding its copies'
        login.outcome() == 'ok'
        vaults.recoveries[-1] == [alice.id(), true]
        account().pendingKdf().isEmpty()
        opens('alice', NEW_PASSWORD)
        outcome { loggedIn('alice', NEW_PASSWORD, '10.0.0.3') } == 'ok'
    }
}
