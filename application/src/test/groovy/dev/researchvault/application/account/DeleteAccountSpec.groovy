package dev.researchvault.application.account

import dev.researchvault.application.support.InMemoryVaults

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
        def held = registry.gates.arm('remove')
        def deleting = inBackground { deletion.deleteAccount(session, PASSWORD) }
        held.awaitReached()

        then: 'by then the sessions ended and the files are marked as a deletion in progress'
        sessions.of(alice.id()).isEmpty()
        otherTab.key().isDestroyed()
        vaults.files(alice.id()).markers == [InMemoryVaults.DELETING] as Set

        when:
        held.open()
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

    def "a wrong password is a 401 and deletes nothing"() {
        given:
        def alice = registered()
        def session = loggedIn()

        expect:
        outcome { deletion.deleteAccount(session, 'wrong password') } == 'account.invalid-credentials'
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
        def held = keys.gates.arm("kdf:${NEW_PASSWORD}")
        def change = inBackground { changePassword(tabA) }
        held.awaitReached()

        when:
        deletion.deleteAccount(tabB, PASSWORD)
        held.open()

        then:
        change.outcome() == 'session.invalid'
        account('alice') == null
        !vaults.usersWithFiles().contains(alice.id())
        events.passwordChanges.isEmpty()
        everyKeyWipedButSessions()
    }

    def "a login racing the deletion never brings the account back"() {
        given:
        def alice = registered()
        def session = loggedIn()
        def held = hold == 'login in its KDF' ? keys.gates.arm("kdf:${PASSWORD}") : vaults.gates.arm('beginDeletion')
        def racing = hold == 'login in its KDF' ? inBackground { loggedIn('alice', PASSWORD, '10.0.0.2') }
                : inBackground { deletion.deleteAccount(session, PASSWORD) }
        held.awaitReached()

        when:
        def other = hold == 'login in its KDF' ? inBackground { deletion.deleteAccount(session, PASSWORD) }
                : inBackground { loggedIn('alice', PASSWORD, '10.0.0.2') }.awaitWaitingForLock()
        if (hold == 'login in its KDF') {
            other.value()
        }
        held.open()

        then:
        [racing.outcome(), other.outcome()] as Set == ['ok', 'account.invalid-credentials'] as Set
        account('alice') == null
        !vaults.usersWithFiles().contains(alice.id())
        sessions.live().isEmpty()
        events.logins.size() == 1
        everyKeyWipedButSessions()

        where:
        hold << ['login in its KDF', 'deletion under the lock']
    }
}
