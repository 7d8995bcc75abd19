package dev.researchvault.application.account

import dev.researchvault.application.support.InMemoryVaults

/** Registration: files first (marked), then the account, then the mark comes off; all or nothing. */
class RegisterAccountSpec extends AccountFixture {

    def "registration creates the files under the password's key, then the account, then commits the files"() {
        given: 'the registration is held as it adds the account'
        def registering = heldAt(registry.gates, 'add') {
            registration.register(new RegisterAccountUseCase.RegisterAccountCommand('Alice', PASSWORD))
        }

        expect: 'by then the files exist, marked as a registration in progress'
        def user = vaults.usersWithFiles().find()
        vaults.files(user).markers == [InMemoryVaults.REGISTERING] as Set
        account('alice') == null

        when:
        registering.release()

        then:
        registering.value().value() == 'Alice'
        def alice = account('alice')
        alice.id() == user
        alice.createdAt() == clock.instant()
        alice.pendingKdf().isEmpty()
        vaults.files(alice.id()).markers.isEmpty()
        opens('alice', PASSWORD)
        vaults.files(alice.id()).kdf == alice.kdf()

        and: 'the key was wiped: no session holds it'
        keys.derived.every { it.isDestroyed() }
    }

    def "a taken name, in any case, is refused before any KDF and leaves no files"() {
        given:
        def alice = registered('alice')
        def derivations = keys.derivations

        when:
        def answer = outcome { registered(name) }

        then:
        answer == 'account.username-taken'
        keys.derivations == derivations
        vaults.usersWithFiles() == [alice.id()] as Set

        where:
        name << ['alice', 'ALICE', 'aLiCe']
    }

    def "a malformed name or a short password is refused and creates nothing"() {
        expect:
        outcome { registered(name, password) } == code
        vaults.usersWithFiles().isEmpty()
        keys.derivations == 0

        where:
        name          | password | code
        'no spaces!'  | PASSWORD | 'account.invalid-username'
        ''            | PASSWORD | 'account.invalid-username'
        'alice'       | 'short'  | 'account.invalid-password'
        'alice'       | null     | 'account.invalid-password'
    }

    def "when the registry refuses the account its new files are destroyed"() {
        given:
        registry.refusingWrites = true

        expect:
        outcome { registered('alice') } == 'registry.unavailable'
        vaults.usersWithFiles().isEmpty()
        account('alice') == null
    }

    def "of two registrations racing for one name, the loser's files are destroyed and the winner's kept"() {
        given: 'the first registration found the name free and is held as it creates its files'
        def first = heldAt(vaults.gates, 'create') { registered('alice', 'first password') }

        when: 'the second takes the name meanwhile'
        registered('ALICE', 'second password')
        first.release()

        then:
        first.outcome() == 'account.username-taken'
        account('alice').username().value() == 'ALICE'
        vaults.usersWithFiles() == [account('alice').id()] as Set
        opens('alice', 'second password')
        vaults.files(account('alice').id()).markers.isEmpty()
    }
}
