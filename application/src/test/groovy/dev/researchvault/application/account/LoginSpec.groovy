package dev.researchvault.application.account

import dev.researchvault.application.vault.InMemoryTransactions
import dev.researchvault.application.vault.VaultWork
import dev.researchvault.application.support.InMemoryVaults
import dev.researchvault.domain.TooManyAttemptsException
import dev.researchvault.domain.UnavailableException
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.VaultMetadata

import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/** Login: throttled, recovered, KDF outside the lock, key proven under it, failures alike and padded. */
class LoginSpec extends AccountFixture {

    def "the right password opens a session of the current key generation and records the login"() {
        given:
        def alice = registered()

        when:
        def session = loggedIn()

        then:
        session.userId() == alice.id()
        session.username() == alice.username()
        session.generation() == lifecycle.generation(alice.id())
        vaults.opensWith(alice.id(), session.key())
        sessions.find(session.token()).get() == session

        and: 'the login time is in the registry, the unlock time in the vault'
        account().lastLoginAt() == clock.instant()
        vaultScope.call(alice.id(), session.key(), { metadata.get(VaultMetadata.LAST_UNLOCKED_AT) }) ==
                Optional.of(clock.instant().toString())

        and: 'the listeners heard of it while the lock was held, and a success is never padded'
        events.logins == [session]
        events.underLock == [true]
        padded.isEmpty()
    }

    def "a second login of the user shares the first one's key"() {
        given:
        registered()
        def first = loggedIn()

        when:
        def second = loggedIn()

        then:
        second.token() != first.token()
        second.key().is(first.key())
        everyKeyWipedButSessions()
    }

    def "an unknown name, a malformed one and a wrong password all get the same 401 and change nothing"() {
        given:
        def alice = registered()

        when:
        def answer = outcome { loggedIn(name, password) }

        then:
        answer == 'account.invalid-credentials'
        sessions.live().isEmpty()
        events.logins.isEmpty()
        account().lastLoginAt() == null
        metadata.byUser.isEmpty()
        opens('alice', PASSWORD)

        and: 'each ran one KDF, and no derived key is left unwiped'
        keys.derivations == 2
        everyKeyWipedButSessions()
        vaults.decoyUnlocks == decoys

        where:
        name         | password         | decoys
        'bob'        | PASSWORD         | 1
        'not a name' | PASSWORD         | 1
        'alice'      | 'wrong password' | 0
        'ALICE'      | ''               | 0
    }

    def "failures are padded to the slower kind's average duration; successes never are"() {
        given:
        registered()

        when: 'an unknown name takes 16 ms, then a wrong password 10 ms'
        keys.nanosPerDerivation = TimeUnit.MILLISECONDS.toNanos(16)
        outcome { loggedIn('bob') }
        keys.nanosPerDerivation = TimeUnit.MILLISECONDS.toNanos(10)
        outcome { loggedIn('alice', 'wrong password') }

        then: 'the wrong password waits the 6 ms difference'
        padded == [TimeUnit.MILLISECONDS.toNanos(6)]

        when:
        loggedIn()

        then:
        padded.size() == 1
    }

    def "three failures from one address refuse that address for the name, right password or not, without a KDF"() {
        given:
        registered()
        3.times { outcome { loggedIn('alice', 'wrong password') } }
        def derivations = keys.derivations

        when:
        loggedIn('ALICE', PASSWORD, ADDRESS)

        then:
        def refused = thrown(TooManyAttemptsException)
        refused.code() == 'account.too-many-attempts'
        refused.retryAfter() == Duration.ofMinutes(15)
        keys.derivations == derivations
        sessions.live().isEmpty()

        and: 'the owner on another address still gets in, and this address once the window has passed'
        outcome { loggedIn('alice', PASSWORD, '10.0.0.2') } == 'ok'
        clock.advance(Duration.ofMinutes(15))
        outcome { loggedIn('alice', PASSWORD, ADDRESS) } == 'ok'
    }

    def "unknown and malformed names are throttled like known ones"() {
        given:
        3.times { outcome { loggedIn(name, 'guess') } }

        expect:
        outcome { loggedIn(name, 'guess') } == 'account.too-many-attempts'

        where:
        name << ['nobody', 'not a name']
    }

    def "a success forgives the address's earlier failures, which were its owner's typos"() {
        given:
        registered()
        2.times { outcome { loggedIn('alice', 'wrong password') } }
        loggedIn()

        when:
        def answers = (1..3).collect { outcome { loggedIn('alice', 'wrong password') } }

        then:
        answers == ['account.invalid-credentials'] * 3
    }

    def "failures from many addresses slow the name down for everyone, never lock it out"() {
        given: 'six failures, each from another address'
        registered()
        (1..6).each { n -> outcome { loggedIn('alice', 'wrong password', "10.0.1.${n}") } }

        expect: 'the owner, on a fresh address, waits for the slowdown, then gets in'
        outcome { loggedIn('alice', PASSWORD, '10.0.2.1') } == 'account.too-many-attempts'
        clock.advance(Duration.ofSeconds(5))
        outcome { loggedIn('alice', PASSWORD, '10.0.2.1') } == 'ok'
    }

    def "a password change a crash interrupted after staging its key parameters is finished by the next login"() {
        given: 'a crash left copies under the new key and the new parameters staged in the registry'
        def alice = registered()
        def newKdf = keys.freshParameters()
        registry.stageKdfChange(alice.id(), newKdf)
        stageCopies(alice.id(), NEW_PASSWORD, newKdf)

        when:
        def login = heldAt(keys.gates, "kdf:${NEW_PASSWORD}") { loggedIn('alice', NEW_PASSWORD) }

        then: 'the recovery ran, under the lock, before the KDF'
        vaults.recoveries == [[alice.id(), true]]

        when:
        login.release()

        then:
        login.outcome() == 'ok'
        account().kdf() == newKdf
        account().pendingKdf().isEmpty()
        opens('alice', NEW_PASSWORD)
        outcome { loggedIn('alice', PASSWORD, '10.0.0.2') } == 'account.invalid-credentials'
    }

    def "copies of a password change a crash interrupted before it staged its key parameters are discarded"() {
        given:
        def alice = registered()
        stageCopies(alice.id(), NEW_PASSWORD, keys.freshParameters())

        expect:
        outcome { loggedIn('alice', PASSWORD) } == 'ok'
        vaults.recoveries == [[alice.id(), false]]
        vaults.files(alice.id()).staged.isEmpty()
        opens('alice', PASSWORD)
        outcome { loggedIn('alice', NEW_PASSWORD) } == 'account.invalid-credentials'
    }

    def "a slow KDF holds up no other login, of the same account or another"() {
        given:
        registered('alice')
        registered('bob')
        def slow = heldAt(keys.gates, "kdf:${PASSWORD}") { loggedIn('alice') }

        when: 'the other login runs its own KDF and takes the account lock while the first is in its KDF'
        def other = loggedIn(second)

        then:
        sessions.find(other.token()).isPresent()

        when:
        slow.release()

        then:
        slow.outcome() == 'ok'
        sessions.live().size() == 2

        where:
        second << ['alice', 'bob']
    }

    def "a vault that opens but cannot record the unlock time still logs in; only a usable one tells listeners"() {
        given:
        registered()
        metadata.failure = new UnavailableException(code, 'refused')

        when:
        def session = loggedIn()

        then:
        sessions.find(session.token()).isPresent()
        events.logins.size() == (told ? 1 : 0)

        where:
        code                | told
        'storage.full'      | true
        'storage.read-only' | true
        'vault.unavailable' | false
    }

    def "a registry that cannot record the login time does not stop the login"() {
        given:
        registered()
        registry.refusingWrites = true

        expect:
        outcome { loggedIn() } == 'ok'
        account().lastLoginAt() == null
    }

    def "a login of an account deleted in this process fails even if it read the account before"() {
        given:
        def alice = registered()
        lifecycle.exclusively(alice.id(), { lifecycle.deleted(alice.id()) } as Runnable)

        expect:
        outcome { loggedIn() } == 'account.invalid-credentials'
        sessions.live().isEmpty()
        everyKeyWipedButSessions()
    }

    def "a login whose vault cannot be opened answers 503, counts no failure and wipes the key it derived"() {
        given: 'the account exists, its files do not'
        def alice = registered()
        vaults.users.remove(alice.id())

        when:
        def answers = (1..4).collect { outcome { loggedIn() } }

        then:
        answers == ['vault.unavailable'] * 4
        everyKeyWipedButSessions()
    }

    def "a login that cannot get the account's lock after its KDF answers 503 and wipes the key it derived"() {
        given: 'a login with a lock timeout of 50 ms, held in its KDF'
        def alice = registered()
        def impatientLifecycle = new AccountLifecycle(Duration.ofMillis(50))
        def impatient = new Login(new AccountState(registry, vaults, sessions, impatientLifecycle), keys, throttle,
                padding, new LoginRecords(registry, new VaultWork(vaultScope, new InMemoryTransactions()), metadata, clock), events)
        def login = heldAt(keys.gates, "kdf:${PASSWORD}") {
            impatient.login(new LoginUseCase.LoginCommand('alice', PASSWORD, ADDRESS))
        }

        and: 'another operation takes the account meanwhile and keeps it'
        def taken = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        inBackground {
            impatientLifecycle.exclusively(alice.id(), {
                taken.countDown()
                release.await(10, TimeUnit.SECONDS)
            } as Runnable)
        }
        taken.await(10, TimeUnit.SECONDS)

        when:
        login.release()
        def answer = login.outcome()
        release.countDown()

        then:
        answer == 'vault.busy'
        sessions.live().isEmpty()
        everyKeyWipedButSessions()
    }

    /** What a crash during a password change left: new-key copies beside the live files. */
    private void stageCopies(UserId user, String password, KdfParameters kdf) {
        def files = vaults.files(user)
        def newKey = keys.keyOf(password, kdf)
        InMemoryVaults.FILES.each { files.staged[it] = newKey.copyBytes() }
        files.stagedKdf = kdf
    }
}
