package dev.researchvault.application.account

import dev.researchvault.application.support.InMemoryVaults
import dev.researchvault.domain.account.UserId

/**
 * Deletion: the password proven again, then under the lock with the session current: sessions end, the files
 * are marked, the account goes, the account is deleted in memory, the files go. No login racing it brings
 * the account back.
 */
class DeleteAccountSpec extends AccountFixture {

    def "deletion ends the sessions, marks the files before the account goes, then removes them"() {
        given:
        def alice = registered('alice')
        registered('bob')
        def session = loggedIn('alice')
        def otherTab = loggedIn('alice', PASSWORD, '10.0.0.2')
        def bobs = loggedIn('bob')

        when: 'the deletion is held as it removes the account'
        def deleting = heldAt(registry.gates, 'remove') { deletion.deleteAccount(session, PASSWORD) }

        then: 'by then the sessions ended and the files are marked as a deletion in progress'
        sessions.of(alice.id()).isEmpty()
        otherTab.key().isDestroyed()
        vaults.files(alice.id()).markers == [InMemoryVaults.DELETING] as Set

        when:
        deleting.release()
        deleting.value()

        then:
        account('alice') == null
        !vaults.usersWithFiles().contains(alice.id())
        lifecycle.isDeleted(alice.id())
        everyKeyWipedButSessions()

        and: 'bob is untouched, and alice is gone for good'
        sessions.find(bobs.token()).isPresent()
        opens('bob', PASSWORD)
        outcome { loggedIn('alice') } == 'account.invalid-credentials'
        !vaults.usersWithFiles().contains(alice.id())
    }

    def "a wrong password is a 403 and deletes nothing"() {
        given:
        def alice = registered()
        def session = loggedIn()

        expect:
        outcome { deletion.deleteAccount(session, 'wrong password') } == 'account.password-mismatch'
        account().id() == alice.id()
        opens('alice', PASSWORD)
        sessions.find(session.token()).isPresent()
        !lifecycle.isDeleted(alice.id())
        everyKeyWipedButSessions()
    }

    def "a session whose key generation is no longer current deletes nothing"() {
        given: 'a password change or restore committed after this session proved its password'
        def alice = registered()
        def session = loggedIn()
        lifecycle.exclusively(alice.id(), { lifecycle.keyChanged(alice.id()) } as Runnable)

        expect:
        outcome { deletion.deleteAccount(session, PASSWORD) } == 'session.invalid'
        account().id() == alice.id()
        opens('alice', PASSWORD)
        vaults.files(alice.id()).markers.isEmpty()
        sessions.find(session.token()).isPresent()
    }

    def "a password change that takes the lock after a deletion finds its session stale and recreates nothing"() {
        given:
        def alice = registered()
        def tabA = loggedIn()
        def tabB = loggedIn()
        def change = heldAt(keys.gates, "kdf:${NEW_PASSWORD}") { changePassword(tabA) }

        when:
        deletion.deleteAccount(tabB, PASSWORD)
        change.release()

        then:
        change.outcome() == 'session.invalid'
        account('alice') == null
        !vaults.usersWithFiles().contains(alice.id())
        events.passwordChanges.isEmpty()
        everyKeyWipedButSessions()
    }

    def "a login held in its KDF while the account is deleted opens no session and brings nothing back"() {
        given:
        def alice = registered()
        def session = loggedIn()
        def login = heldAt(keys.gates, "kdf:${PASSWORD}") { loggedIn('alice', PASSWORD, '10.0.0.2') }

        when:
        deletion.deleteAccount(session, PASSWORD)
        login.release()

        then:
        login.outcome() == 'account.invalid-credentials'
        goneForGood(alice.id())
    }

    def "a login waiting for the lock while the account is deleted opens no session and brings nothing back"() {
        given: 'the deletion holds the lock; the login read the account before and waits for it'
        def alice = registered()
        def session = loggedIn()
        def deleting = heldAt(vaults.gates, 'beginDeletion') { deletion.deleteAccount(session, PASSWORD) }
        def login = inBackground { loggedIn('alice', PASSWORD, '10.0.0.2') }.awaitWaitingForLock()

        when:
        deleting.release()

        then:
        deleting.outcome() == 'ok'
        login.outcome() == 'account.invalid-credentials'
        goneForGood(alice.id())
    }

    /** No account, no files, no session, no key left of the user; only the login before the deletion was heard. */
    private boolean goneForGood(UserId user) {
        assert account('alice') == null
        assert !vaults.usersWithFiles().contains(user)
        assert sessions.live().isEmpty()
        assert events.logins.size() == 1
        assert everyKeyWipedButSessions()
        true
    }
}
